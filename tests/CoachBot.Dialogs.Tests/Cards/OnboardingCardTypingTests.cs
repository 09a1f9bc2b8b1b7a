using CoachBot.Coaching.Policy;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Cards;

/// <summary>
/// A patient on a card channel who types while an onboarding card is on screen: the typed answer is taken where it
/// fits, or the questions go on one at a time from that card; onboarding never starts again and no answer is lost.
/// Crisis or red-flag words typed there go to the safety path.
/// </summary>
public sealed class OnboardingCardTypingTests
{
    /// <summary>Typed answers to the text questions, first match wins; every other question is answered "no".</summary>
    private static readonly (string Fragment, string Answer)[] Words =
    [
        ("surgery on your back, or an injection", "no"),
        ("how much has your back pain bothered you", "a little"),
        ("What would you like to be able to do", "carry my shopping"),
        ("play golf again", "carry my shopping"),
        ("What do you have to train with", "nothing"),
        ("How long have you done strength training", "never"),
        ("Which days would you like me to check in", "Monday and Thursday"),
        ("What time of day suits you", "6:30 pm"),
        ("Which time zone are you in", "London"),
        ("check in on", "keep it"),
        (string.Empty, "no"),
    ];

    [Fact]
    public async Task TypingAtTheHealthCard_GoesOnInWordsFromThere_WithoutAskingAgainOrLosingAnswers()
    {
        await using var chat = CardChat.Create();
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);
        await chat.SubmitAsync(OnboardingCardTests.About());

        var replies = await chat.SayAsync("can I just type my answers?");

        Assert.Equal("No problem. Let's go one question at a time.", replies[0].Text);
        Assert.Contains("surgery on your back, or an injection", replies[^1].Text, StringComparison.Ordinal); // the age is known from the card
        var said = await AnswerUntilDoneAsync(chat);
        foreach (var asked in new[] { "What would you like me to call you", "How old are you", "On a normal day, how bad", "Name one thing your back makes hard", "I am not a doctor" })
        {
            Assert.DoesNotContain(asked, CardChat.TextOf(replies) + said, StringComparison.Ordinal);
        }

        Assert.Contains("all set up", said, StringComparison.Ordinal);
        var patient = (await chat.Services.GetRequiredService<IPatientRepository>().GetAsync(chat.PatientId))!;
        Assert.True(patient.Onboarded);
        Assert.Equal(("Sam", 6), (patient.Name, patient.BaselinePain));
        Assert.Equal(("walking the dog", 5), (patient.FunctionActivity, patient.FunctionScore));
        Assert.Equal(34, patient.Screening!.Answers.Age);
        Assert.NotNull(patient.StartBack);
        Assert.Equal("carry my shopping", patient.Goals);
        Assert.NotEmpty(patient.Program!.Exercises);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], patient.Schedule!.Days);
    }

    [Fact]
    public async Task TypingAtTheScheduleCard_AsksOnlyTheCheckInTimes()
    {
        await using var chat = CardChat.Create();
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);
        await chat.SubmitAsync(OnboardingCardTests.About());
        await chat.SubmitAsync(OnboardingCardTests.Healthy(chat));
        await chat.SubmitAsync(OnboardingCardTests.StartBackCalm());
        await chat.SubmitAsync(OnboardingCardTests.Training());

        var replies = await chat.SayAsync("ok");

        Assert.Equal("No problem. Let's go one question at a time.", replies[0].Text);
        Assert.StartsWith("Which days would you like me to check in?", replies[^1].Text, StringComparison.Ordinal);
        var said = await AnswerUntilDoneAsync(chat);
        Assert.DoesNotContain("What do you have to train with", said, StringComparison.Ordinal);
        var patient = (await chat.Services.GetRequiredService<IPatientRepository>().GetAsync(chat.PatientId))!;
        Assert.True(patient.Onboarded);
        Assert.Equal("Walk the dog for 30 minutes", patient.Goals);
        Assert.Equal(new TimeOnly(18, 30), patient.Schedule!.LocalTime);
    }

    [Fact]
    public async Task YesTypedAtTheWelcomeCard_IsTheConsent_AndTheFirstFormFollows()
    {
        await using var chat = CardChat.Create();
        await chat.SayAsync("hi");

        var replies = await chat.SayAsync("yes that's fine");

        Assert.Equal("Thank you. Let's get started.", replies[0].Text);
        Assert.Contains("text_name", CardChat.InputIds(CardChat.CardOf(replies[^1])!));
        Assert.DoesNotContain("I am not a doctor", CardChat.TextOf(replies), StringComparison.Ordinal); // the welcome is not said again
        var patient = (await chat.Services.GetRequiredService<IPatientRepository>().GetAsync(chat.PatientId))!;
        Assert.True(patient.Consent);
    }

    [Fact]
    public async Task OtherWordsAtTheWelcomeCard_AskForConsentInWords_WithoutTheWholeWelcomeAgain()
    {
        await using var chat = CardChat.Create();
        await chat.SayAsync("hi");

        var replies = await chat.SayAsync("what is this?");

        Assert.StartsWith("Before we start: is it OK for me to keep your answers?", Assert.Single(replies).Text, StringComparison.Ordinal);
        replies = await chat.SayAsync("yes");
        Assert.Equal("What would you like me to call you?", replies[^1].Text);
    }

    [Theory]
    [InlineData("I want to kill myself")]
    [InlineData("I can't control my bladder and my bottom is numb")]
    public async Task CrisisOrRedFlagWordsTypedAtAnOnboardingCard_GoToTheSafetyPath(string typed)
    {
        await using var chat = CardChat.Create();
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);
        await chat.SubmitAsync(OnboardingCardTests.About());

        var replies = await chat.SayAsync(typed);

        var escalation = Assert.Single(await chat.Services.GetRequiredService<IEscalationRepository>().ListAsync());
        Assert.True(escalation.Level >= Escalation.Urgent, escalation.Level.ToString());
        Assert.DoesNotContain(replies, r => r.Text == "No problem. Let's go one question at a time.");
        Assert.DoesNotContain("surgery on your back", CardChat.TextOf(replies), StringComparison.Ordinal);
    }

    /// <summary>Answers each question in words until onboarding is done; returns everything said meanwhile.</summary>
    private static async Task<string> AnswerUntilDoneAsync(CardChat chat)
    {
        var said = new List<string>();
        var question = chat.Replies[^1].Text ?? string.Empty;
        for (var turn = 0; !said.Exists(s => s.Contains("all set up", StringComparison.Ordinal)); turn++)
        {
            Assert.True(turn < 40, "not done after 40 answers:\n" + string.Join("\n", said));
            var answer = Words.First(w => question.Contains(w.Fragment, StringComparison.Ordinal)).Answer;
            var replies = await chat.SayAsync(answer);
            said.Add(CardChat.TextOf(replies));
            question = replies.Count > 0 ? replies[^1].Text ?? string.Empty : question;
        }

        return string.Join("\n", said);
    }
}
