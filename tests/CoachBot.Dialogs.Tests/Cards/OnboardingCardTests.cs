using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Cards;

/// <summary>Onboarding on a card channel: the welcome card, then a few grouped cards; the screening is still asked.</summary>
public sealed class OnboardingCardTests
{
    public static Dictionary<string, string> About() => new() { ["text_name"] = "Sam", ["age"] = "34", ["basePain"] = "6", ["text_activity"] = "walking the dog", ["activityScore"] = "5" };

    /// <summary>"No" to every health and safety question the card shows.</summary>
    public static Dictionary<string, string> Healthy(CardChat chat)
    {
        var answers = CardChat.InputIds(chat.LastCard()!).Where(id => id != "surgeryWeeks").ToDictionary(id => id, _ => "no");
        return answers;
    }

    public static Dictionary<string, string> StartBackCalm()
    {
        var answers = Enumerable.Range(1, 8).ToDictionary(i => "sb" + i, _ => "disagree");
        answers["sb9"] = "1";
        return answers;
    }

    public static Dictionary<string, string> Training() => new() { ["text_goals"] = "Walk the dog for 30 minutes", ["equipment"] = "none", ["experience"] = "none", ["text_exercises"] = string.Empty };

    public static Dictionary<string, string> Schedule() => new() { ["days"] = "monday,thursday", ["time"] = "18:30", ["timeZone"] = "Europe/London" };

    /// <summary>Onboards a patient on a card channel from their first message; returns the chat.</summary>
    public static async Task<CardChat> OnboardAsync(string channel = Channels.WebChat)
    {
        var chat = CardChat.Create(channel);
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);
        await chat.SubmitAsync(About());
        await chat.SubmitAsync(Healthy(chat));
        await chat.SubmitAsync(StartBackCalm());
        await chat.SubmitAsync(Training());
        await chat.SubmitAsync(Schedule());
        return chat;
    }

    [Theory]
    [InlineData(Channels.WebChat)]
    [InlineData(Channels.MsTeams)]
    public async Task Onboarding_OnACardChannel_TakesAtMostEightTurns_AndRecordsEverything(string channel)
    {
        await using var chat = await OnboardAsync(channel);

        Assert.True(chat.Turns <= 8, $"{chat.Turns} turns");
        var patient = (await chat.Services.GetRequiredService<IPatientRepository>().GetAsync(chat.PatientId))!;
        Assert.True(patient.Onboarded);
        Assert.True(patient.Consent);
        Assert.Equal("Sam", patient.Name);
        Assert.Equal(6, patient.BaselinePain);
        Assert.Equal(("walking the dog", 5), (patient.FunctionActivity, patient.FunctionScore));
        Assert.Equal(34, patient.Screening!.Answers.Age);
        Assert.NotNull(patient.LastRedFlagScreenOn); // the red-flag questions were on the health card
        Assert.NotNull(patient.StartBack);
        Assert.Equal(Equipment.None, patient.Equipment);
        Assert.NotEmpty(patient.Program!.Exercises);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], patient.Schedule!.Days);
        Assert.Equal(new TimeOnly(18, 30), patient.Schedule.LocalTime);
        var said = CardChat.TextOf(chat.Replies);
        Assert.Contains("I am not a doctor", said, StringComparison.Ordinal);
        Assert.Contains("Go to the emergency department right away if you get any of these", said, StringComparison.Ordinal);
        Assert.Contains("all set up", said, StringComparison.Ordinal);
        foreach (var card in chat.Replies.Select(CardChat.CardOf).OfType<System.Text.Json.Nodes.JsonObject>())
        {
            var problems = AdaptiveCardRules.Check(card);
            Assert.True(problems.Count == 0, string.Join("; ", problems));
        }
    }

    [Fact]
    public async Task TheWelcome_IsOneCard_WithTheEmergencyLineAndTheConsentButtons()
    {
        await using var chat = CardChat.Create();

        var replies = await chat.SayAsync("hi");

        var card = CardChat.CardOf(Assert.Single(replies))!;
        Assert.Contains("Call 911", CardChat.TextOf(replies), StringComparison.Ordinal);
        Assert.Contains("five short forms", CardChat.TextOf(replies), StringComparison.Ordinal); // not the text path's 10 minutes
        Assert.Equal(["Yes, that's OK", "No", "Tell me more"], card["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task HealthCard_AsksTheScreening_AndABladderProblemIsAnEmergency()
    {
        await using var chat = CardChat.Create();
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);
        await chat.SubmitAsync(About());
        var ids = CardChat.InputIds(chat.LastCard()!);
        Assert.Contains("surgery", ids);
        Assert.Contains("pregnancy", ids);
        Assert.Contains("rf_bladderbowel", ids);
        Assert.Contains("rf_cancerhistory", ids);
        var answers = Healthy(chat);
        answers["rf_bladderbowel"] = "yes";

        var replies = await chat.SubmitAsync(answers);

        Assert.Contains("emergency", CardChat.TextOf(replies), StringComparison.OrdinalIgnoreCase);
        Assert.All(replies, r => Assert.Null(CardChat.CardOf(r))); // nothing else is asked
        var escalation = Assert.Single(await chat.Services.GetRequiredService<IEscalationRepository>().ListAsync());
        Assert.Equal(Escalation.Emergency, escalation.Level);
    }

    [Fact]
    public async Task AboutCard_WithoutAge_SaysWhatToFix_AndKeepsTheName()
    {
        await using var chat = CardChat.Create();
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);
        var about = About();
        about["age"] = string.Empty;

        var replies = await chat.SubmitAsync(about);

        Assert.Contains("- Give your age as a number from 12 to 110.", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("Sam", CardChat.InputValue(CardChat.CardOf(replies[1])!, "text_name"));
    }

    [Fact]
    public async Task CrisisWordsInACardsTextBox_AreScreened_LikeATypedMessage()
    {
        await using var chat = CardChat.Create();
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);
        var about = About();
        about["text_activity"] = "I want to kill myself";

        var replies = await chat.SubmitAsync(about);

        Assert.Contains(await chat.Services.GetRequiredService<IEscalationRepository>().ListAsync(), e => e.Level >= Escalation.Urgent);
        Assert.DoesNotContain(replies, r => r.Text?.Contains("Nice to meet you", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TypingAtACard_MovesToTheTextOnboarding()
    {
        await using var chat = CardChat.Create();
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);

        var replies = await chat.SayAsync("Sam");

        Assert.Equal("No problem. Let's go one question at a time.", replies[0].Text);
        Assert.Equal("What would you like me to call you?", replies[^1].Text);
    }

    [Fact]
    public async Task TextChannel_StillGetsTheTextWelcome()
    {
        await using var chat = CardChat.Create(Channels.Test);

        var replies = await chat.SayAsync("hi");

        Assert.All(replies, r => Assert.Null(CardChat.CardOf(r)));
        Assert.True(replies.Count >= 5);
    }
}
