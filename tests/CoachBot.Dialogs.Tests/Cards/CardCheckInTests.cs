using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Conversation.Cards;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Cards;

/// <summary>The check-in as one Adaptive Card on Web Chat and Teams: few turns, checked answers, safety first.</summary>
public sealed class CardCheckInTests
{
    /// <summary>A calm week, as the patient fills the card.</summary>
    public static Dictionary<string, string> Calm() => new()
    {
        ["painNow"] = "2",
        ["painTypes"] = "ache,stiffness",
        ["belowKnee"] = "no",
        ["sessionPain"] = "2",
        ["settled"] = "yes",
        ["sessions"] = "5",
        ["text"] = string.Empty,
    };

    [Theory]
    [InlineData(Channels.WebChat)]
    [InlineData(Channels.MsTeams)]
    public async Task RoutineCheckIn_FromGreetingToDecision_TakesAtMostTwoTurns(string channel)
    {
        await using var chat = CardChat.Create(channel);
        await chat.SeedAsync();

        var opening = await chat.SayAsync("check in");
        var decision = await chat.SubmitAsync(Calm());

        Assert.True(chat.Turns <= 2, $"{chat.Turns} turns");
        Assert.Equal("OK, let's do your check-in now.", opening[0].Text);
        var card = CardChat.CardOf(Assert.Single(opening, r => r.Attachments is not null));
        Assert.DoesNotContain(CardChat.InputIds(card!), i => i.StartsWith(CheckInCardFields.RedFlag, StringComparison.Ordinal)); // screened today: not due
        var result = CardChat.CardOf(Assert.Single(decision));
        Assert.NotNull(result);
        var text = CardChat.TextOf(decision);
        Assert.Contains("Your check-in result", text, StringComparison.Ordinal);
        Assert.Contains("Why:", text, StringComparison.Ordinal);
        Assert.Contains(CardChat.Walk(result), n => n["type"]?.GetValue<string>() == "Table");
        var entry = Assert.Single(await chat.EntriesAsync());
        Assert.Equal(2, entry.Input.PainNow);
        Assert.Equal(new HashSet<PainType> { PainType.Ache, PainType.Stiffness }, entry.Input.PainTypes.ToHashSet());
    }

    [Fact]
    public async Task ProactiveCheckIn_OnACardChannel_IsOneSubmitToTheDecision()
    {
        await using var chat = CardChat.Create();
        await chat.SeedAsync();
        var bot = chat.Services.GetRequiredService<CoachBotBot>();
        await chat.Adapter.Adapter.ContinueConversationAsync(chat.Adapter.Conversation, bot.BeginCheckInAsync);
        while (chat.Adapter.GetNextReply() is { } reply)
        {
            chat.Replies.Add(reply);
        }

        await chat.SubmitAsync(Calm());

        Assert.Equal(1, chat.Turns);
        Assert.Single(await chat.EntriesAsync());
    }

    [Fact]
    public async Task BadSubmit_SaysWhatToFix_AndSendsTheCardAgainWithTheAnswersKept()
    {
        await using var chat = CardChat.Create();
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        var partial = Calm();
        partial["painNow"] = string.Empty;
        partial["sessions"] = "99";
        partial["text"] = "my hamstrings feel tight";

        var replies = await chat.SubmitAsync(partial);

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("Almost done. Please fix this on the card below.", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("- Give your pain right now as a number from 0 to 10.", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("- Give the number of training sessions in the last 2 weeks, from 0 to 60.", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("below your knee", replies[0].Text, StringComparison.Ordinal);
        var again = CardChat.CardOf(replies[1])!;
        Assert.Equal("no", CardChat.InputValue(again, "belowKnee"));
        Assert.Equal("ache,stiffness", CardChat.InputValue(again, "painTypes"));
        Assert.Equal("my hamstrings feel tight", CardChat.InputValue(again, "text"));
        Assert.Equal("99", CardChat.InputValue(again, "sessions"));
        Assert.Empty(await chat.EntriesAsync());

        partial["painNow"] = "3";
        partial["sessions"] = "4";
        await chat.SubmitAsync(partial);
        var entry = Assert.Single(await chat.EntriesAsync());
        Assert.Equal(3, entry.Input.PainNow);
        Assert.Equal("my hamstrings feel tight", entry.Input.DistressText);
    }

    [Fact]
    public async Task OldVersionCard_AfterADeploy_IsOutOfDate_AndTheCurrentCardFollows()
    {
        await using var chat = CardChat.Create();
        await chat.SeedAsync();
        await chat.SayAsync("check in");

        var replies = await chat.SubmitAsync(Calm(), change: data => data[AdaptiveCards.CardVersionKey] = 0);

        Assert.Equal("That card is out of date. Here is the current one.", replies[0].Text);
        var current = CardChat.CardOf(replies[^1])!;
        Assert.Equal(1, current["actions"]![0]!["data"]![AdaptiveCards.CardVersionKey]!.GetValue<int>());
        Assert.Empty(await chat.EntriesAsync());
        await chat.SubmitAsync(Calm());
        Assert.Single(await chat.EntriesAsync());
    }

    [Fact]
    public async Task OldCheckInCard_WithNoCheckInRunning_StartsTheCurrentOne()
    {
        await using var chat = CardChat.Create();
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        var old = chat.LastCard()!;
        await chat.SayAsync("stop");

        var replies = await chat.SubmitAsync(Calm(), old);

        Assert.Equal("That card is out of date. Here is the current one.", replies[0].Text);
        Assert.NotNull(CardChat.CardOf(replies[^1]));
        Assert.Empty(await chat.EntriesAsync());
    }

    [Fact]
    public async Task SecondSubmitOfTheSameCard_IsAnsweredOnce()
    {
        await using var chat = CardChat.Create();
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        var card = chat.LastCard()!;
        await chat.SubmitAsync(Calm(), card);

        var again = await chat.SubmitAsync(Calm(), card);

        Assert.Equal("I already have your answers from that card. Thank you!", Assert.Single(again).Text);
        Assert.Single(await chat.EntriesAsync());
    }

    [Fact]
    public async Task RedFlagTypedInTheCardsBox_Escalates_AndIsNeverReadAsAnAnswer()
    {
        await using var chat = CardChat.Create();
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        var answers = Calm();
        answers["text"] = "Since this morning I have lost control of my bladder";

        var replies = await chat.SubmitAsync(answers);

        Assert.Contains("emergency department", replies[0].Text, StringComparison.Ordinal);
        Assert.All(replies, r => Assert.Null(CardChat.CardOf(r))); // no decision card, no training
        var entry = Assert.Single(await chat.EntriesAsync());
        Assert.Equal(Escalation.Emergency, entry.Escalation);
        Assert.Equal(Decision.Pause, entry.Decision);
        Assert.Contains(entry.FiredRules, r => r.RuleId == "RF-1");
        Assert.Equal(2, entry.Input.PainNow); // the card's answers went with the finding
        Assert.Single(await chat.Services.GetRequiredService<IEscalationRepository>().ListAsync());

        var repeat = await chat.SubmitAsync(Calm());
        Assert.Equal("I already have your answers from that card. Thank you!", Assert.Single(repeat).Text);
        Assert.Single(await chat.EntriesAsync());
    }

    [Fact]
    public async Task AnswersThatHintAtARedFlag_BringTheSafetyQuestionsOntoTheCard()
    {
        await using var chat = CardChat.Create();
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        var answers = Calm();
        answers["painNow"] = "7";

        var replies = await chat.SubmitAsync(answers);

        Assert.StartsWith("Thanks. Your answers mean I need to ask a few safety questions too.", replies[0].Text, StringComparison.Ordinal);
        var card = CardChat.CardOf(replies[1])!;
        Assert.Contains("rf_bladderbowel", CardChat.InputIds(card));
        Assert.Equal("7", CardChat.InputValue(card, "painNow"));
        Assert.Empty(await chat.EntriesAsync());

        foreach (var id in CardChat.InputIds(card).Where(i => i.StartsWith(CheckInCardFields.RedFlag, StringComparison.Ordinal)))
        {
            answers[id] = "no";
        }

        await chat.SubmitAsync(answers);
        var entry = Assert.Single(await chat.EntriesAsync());
        Assert.Contains(RedFlag.None, entry.Input.RedFlags);
        Assert.Equal(7, entry.Input.PainNow);
    }

    [Fact]
    public async Task TypingInsteadOfTapping_KeepsTheTextCheckIn()
    {
        await using var chat = CardChat.Create();
        await chat.SeedAsync();
        await chat.SayAsync("check in");

        var replies = await chat.SayAsync("3");

        Assert.Contains("What does the pain feel like?", replies[^1].Text, StringComparison.Ordinal);
        var transport = new CardChatTransport(chat);
        await CheckInDriver.FinishAsync(transport, [replies[^1].Text!]);
        var entry = Assert.Single(await chat.EntriesAsync());
        Assert.Equal(3, entry.Input.PainNow);
    }

    [Fact]
    public async Task TextChannel_StillGetsTheTextCheckIn()
    {
        await using var chat = CardChat.Create(Channels.Test);
        await chat.SeedAsync();

        var replies = await chat.SayAsync("check in");

        Assert.All(replies, r => Assert.Null(CardChat.CardOf(r)));
        Assert.Contains("How bad is your back pain right now?", replies[^1].Text, StringComparison.Ordinal);
    }
}

/// <summary>Input id prefixes of the check-in card.</summary>
internal static class CheckInCardFields
{
    public const string RedFlag = "rf_";
}
