using CoachBot.Coaching.Policy;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests;

/// <summary>
/// Red-flag and crisis sentences in patients' own words, posted to /api/messages at the consent question, at the
/// name and number prompts of onboarding and mid-check-in: the emergency or crisis wording comes first, an
/// escalation carries the rule id, and nothing reads the message as an answer to the question on screen.
/// </summary>
public sealed class SafetyAtEveryPromptTests
{
    public static TheoryData<string, string, string> Sentences => new()
    {
        { "there's no reason to carry on like this", "DS-2", "988" },
        { "I've got tablets saved and tonight's the night", "DS-1", "emergency department" },
        { "I can't feel myself when I go to the loo", "RF-1", "emergency department" },
        { "my bowels leaked and I didn't notice", "RF-1", "emergency department" },
        { "sharp pain down my leg and numbness around my groin", "RF-1", "emergency department" },
        { "there's a pulsing lump in my tummy", "RF-6", "Don't drive yourself" },
        { "I had breast cancer five years ago", "RF-4", "doctor to look at it today" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public async Task AtTheConsentQuestion_IsNeverReadAsAnAnswer(string sentence, string rule, string wording)
    {
        await using var transport = await HttpTransport.StartAsync();
        await transport.SendAsync("hello");

        var replies = await transport.SendAsync(sentence);

        Assert.Contains(wording, replies[0], StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Contains("I will stop here", StringComparison.Ordinal) || r.Contains("Let's get started", StringComparison.Ordinal));
        await AssertEscalatedAsync(transport, rule, sentence);
        var patient = (await transport.Services.GetRequiredService<IPatientRepository>().ListAsync()).SingleOrDefault();
        Assert.Null(patient?.Consent);
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public async Task AtTheNamePrompt_IsNeverTakenAsTheName(string sentence, string rule, string wording)
    {
        await using var transport = await HttpTransport.StartAsync();
        await transport.SendAsync("hello");
        await transport.SendAsync("yes");

        var replies = await transport.SendAsync(sentence);

        Assert.Contains(wording, replies[0], StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Contains("Nice to meet you", StringComparison.Ordinal));
        await AssertEscalatedAsync(transport, rule, sentence);
        var patient = Assert.Single(await transport.Services.GetRequiredService<IPatientRepository>().ListAsync());
        Assert.Null(patient.Name);
    }

    [Theory]
    [InlineData("I've got 2 boxes of tablets saved and tonight's the night", "DS-1")]
    [InlineData("pain is 8 and I've wet myself twice without knowing", "RF-1")]
    public async Task AtTheNumberPrompt_NoNumberIsTakenFromIt(string sentence, string rule)
    {
        await using var transport = await HttpTransport.StartAsync();
        await transport.SendAsync("hello");
        await transport.SendAsync("yes");
        await transport.SendAsync("Sam");

        var replies = await transport.SendAsync(sentence);

        Assert.Contains("emergency department", replies[0], StringComparison.Ordinal);
        await AssertEscalatedAsync(transport, rule, sentence);
        var patient = Assert.Single(await transport.Services.GetRequiredService<IPatientRepository>().ListAsync());
        Assert.Null(patient.BaselinePain);
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public async Task MidCheckIn_GivesTheWordingFirstAndEscalatesWithTheRuleId(string sentence, string rule, string wording)
    {
        await using var transport = await HttpTransport.StartAsync();
        var today = DateOnly.FromDateTime(transport.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await transport.Services.GetRequiredService<IPatientRepository>().SaveAsync(PatientSeeds.Create("onboarded", "test", "user-1", today));
        await transport.SendAsync("check in");

        var replies = await transport.SendAsync(sentence);

        Assert.Contains(wording, replies[0], StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Contains("number from 0 to 10", StringComparison.OrdinalIgnoreCase) && r != replies[^1]);
        await AssertEscalatedAsync(transport, rule, sentence);
    }

    [Theory]
    [InlineData("my wife thinks I should rest more")]
    [InlineData("what does this cost me")]
    public async Task OffTopicAtConsent_IsNotTellMeMore(string sentence)
    {
        await using var transport = await HttpTransport.StartAsync();
        await transport.SendAsync("hello");

        var replies = await transport.SendAsync(sentence);

        Assert.DoesNotContain(replies, r => r.Contains("I keep your pain scores", StringComparison.Ordinal) || r.Contains("I'm CoachBot", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("Sorry, I didn't get that", StringComparison.Ordinal));
        Assert.Empty(await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync());
    }

    [Fact]
    public async Task NumbAlone_AtConsent_AsksTheTargetedQuestion_AndYesIsAnEmergency()
    {
        await using var transport = await HttpTransport.StartAsync();
        await transport.SendAsync("hello");

        var asked = await transport.SendAsync("my bum feels a bit numb");
        var question = await transport.SendAsync("numb");
        var replies = await transport.SendAsync("yes");

        Assert.Contains("emergency department", asked[0], StringComparison.Ordinal); // the saddle area named: RF-1 at once
        var ask = Assert.Single(question);
        Assert.Contains("around your bottom", ask, StringComparison.Ordinal);
        Assert.Contains("emergency department", replies[0], StringComparison.Ordinal);
        var open = await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync(EscalationStatus.Open);
        Assert.Equal(2, open.Count(e => e.RuleIds.Contains("RF-1") && e.Level == Escalation.Emergency));
    }

    [Fact]
    public async Task BladderFeelsWeird_AtConsent_AsksAndNoGoesBackToTheConsentQuestion()
    {
        await using var transport = await HttpTransport.StartAsync();
        await transport.SendAsync("hello");

        var question = await transport.SendAsync("my bladder feels weird");
        var replies = await transport.SendAsync("no");

        Assert.Contains("hard to start peeing", Assert.Single(question), StringComparison.Ordinal);
        Assert.Contains("Thank you. If that changes", replies[0], StringComparison.Ordinal);
        Assert.Contains(replies, r => r.Contains("is it OK for me to keep your answers", StringComparison.Ordinal));
        Assert.Empty(await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync());
        var patient = (await transport.Services.GetRequiredService<IPatientRepository>().ListAsync()).SingleOrDefault();
        Assert.Null(patient?.Consent);
    }

    [Fact]
    public async Task AnswerToTheQuestion_ReadWithTheFirstMessage_FiresTheRule()
    {
        await using var transport = await HttpTransport.StartAsync();
        await transport.SendAsync("hello");
        await transport.SendAsync("yes");

        await transport.SendAsync("numb");
        var replies = await transport.SendAsync("around my privates");

        Assert.Contains("emergency department", replies[0], StringComparison.Ordinal);
        await AssertEscalatedAsync(transport, "RF-1", "around my privates");
    }

    private static async Task AssertEscalatedAsync(HttpTransport transport, string rule, string words)
    {
        var open = await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync(EscalationStatus.Open);
        var escalation = Assert.Single(open, e => e.PatientWords == words);
        Assert.Contains(rule, escalation.RuleIds);
        Assert.Contains(rule, escalation.Reason, StringComparison.Ordinal);
        Assert.Equal(ClinicalRuleSet.EscalationOf(escalation.RuleIds[0]), escalation.Level); // most urgent rule first
    }
}
