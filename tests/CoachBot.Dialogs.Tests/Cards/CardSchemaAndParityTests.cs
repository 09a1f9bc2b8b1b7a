using System.Text.Json.Nodes;
using CoachBot.Coaching.CheckIns;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.Tests.Cards;

/// <summary>The cards keep the Adaptive Card 1.5 rules, and the card and the text check-in give the core the same answers.</summary>
public sealed class CardSchemaAndParityTests
{
    [Fact]
    public async Task EveryCardOfACheckIn_KeepsTheAdaptiveCard15Rules()
    {
        // Every optional part shown: in a flare-up, no history for a trend, the weekly red-flag screen due.
        await using var full = CardChat.Create(Channels.MsTeams);
        await full.SeedAsync("onboarded", p => p with { InFlareUp = true, LastRedFlagScreenOn = null });
        await full.SayAsync("check in");
        var checkIn = full.LastCard()!;
        var ids = CardChat.InputIds(checkIn);
        Assert.Contains("flareOver", ids);
        Assert.Contains("trend", ids);
        Assert.Contains("rf_cancerhistory", ids);
        Assert.Contains("text", ids);

        await using var routine = CardChat.Create();
        await routine.SeedAsync();
        await routine.SayAsync("check in");
        await routine.SubmitAsync(CardCheckInTests.Calm());
        var decision = routine.LastCard()!;

        foreach (var card in new[] { checkIn, decision })
        {
            var problems = AdaptiveCardRules.Check(card);
            Assert.True(problems.Count == 0, string.Join("; ", problems));
        }

        Assert.Contains(CardChat.Walk(decision), n => n["type"]?.GetValue<string>() == "Table");
    }

    [Fact]
    public void TheRules_CatchABrokenCard()
    {
        var broken = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.6","body":[{"type":"Input.ChoiceSet","id":"a","choices":[{"title":"x","value":"1,2"}]},{"type":"Input.Number","id":"a","label":"n","isRequired":true},{"type":"Carousel"}],
             "actions":[{"type":"Action.Submit","title":"Go","data":{"cardId":"checkin"}}]}
            """)!.AsObject();

        var problems = AdaptiveCardRules.Check(broken);

        Assert.Contains("version is not 1.5", problems);
        Assert.Contains(problems, p => p.StartsWith("choice ", StringComparison.Ordinal));
        Assert.Contains("a has no label", problems);
        Assert.Contains(problems, p => p.Contains("without a unique id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("without a range", StringComparison.Ordinal));
        Assert.Contains("unknown element type Carousel", problems);
        Assert.Contains(problems, p => p.Contains("does not name the card", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CardAndTextCheckIns_HandTheSameAnswersToTheCore()
    {
        await using var text = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(text, "onboarded, stable history");
        var opening = await text.SendAsync("check in");
        await CheckInDriver.FinishAsync(text, opening, ("What does the pain feel like", "ache and stiff"), ("anything else", "My hamstrings feel tight"));
        var typed = Assert.Single(await CheckInDriver.EntriesAsync(text)).Input;

        await using var chat = CardChat.Create();
        await chat.SeedAsync("onboarded, stable history");
        await chat.SayAsync("check in");
        var answers = CardCheckInTests.Calm();
        answers["text"] = "My hamstrings feel tight";
        await chat.SubmitAsync(answers);
        var tapped = Assert.Single(await chat.EntriesAsync()).Input;

        Assert.Equal(typed.PainNow, tapped.PainNow);
        Assert.Equal(typed.PainDuringLastSession, tapped.PainDuringLastSession);
        Assert.Equal(typed.PainNextMorningSettled, tapped.PainNextMorningSettled);
        Assert.Equal(typed.PainTrendVsLastWeek, tapped.PainTrendVsLastWeek);
        Assert.True(typed.PainTypes.SetEquals(tapped.PainTypes), "pain types differ");
        Assert.Equal(typed.RadiatesBelowKnee, tapped.RadiatesBelowKnee);
        Assert.True(typed.RedFlags.SetEquals(tapped.RedFlags), "red flags differ");
        Assert.Equal(typed.DistressText, tapped.DistressText);
        Assert.Equal(typed.SessionsCompletedLast2Weeks, tapped.SessionsCompletedLast2Weeks);
        Assert.Equal(typed.ConsecutiveStableCheckIns, tapped.ConsecutiveStableCheckIns);
        Assert.Equal(typed.InFlareUp, tapped.InFlareUp);
        Assert.Equal(typed.RecentSurgeryWeeks, tapped.RecentSurgeryWeeks);
        Assert.Equal(new HashSet<PainType> { PainType.Ache, PainType.Stiffness }, tapped.PainTypes.ToHashSet());
    }
}
