using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.Tests.Cards;

/// <summary>
/// After an accepted submit, the card on screen is replaced by a read-only copy that says what was sent (Teams names
/// the card's activity in the submit's replyToId), so it cannot be sent twice; a refused update changes nothing else.
/// </summary>
public sealed class SentCardTests
{
    [Fact]
    public async Task AcceptedCheckInCard_IsReplacedByWhatWasSent_WithoutInputsOrButtons()
    {
        await using var chat = CardChat.Create(Channels.MsTeams);
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        var choices = CardChat.Walk(chat.LastCard()).Single(n => n["id"]?.GetValue<string>() == "painTypes")["choices"]!.AsArray();
        var titles = string.Join(", ", new[] { "ache", "stiffness" }.Select(v => choices.Single(c => c!["value"]!.GetValue<string>() == v)!["title"]!.GetValue<string>()));

        var decision = await chat.SubmitAsync(CardCheckInTests.Calm(), replyToId: "1485983408511");

        Assert.Contains("Your check-in result", CardChat.TextOf(decision), StringComparison.Ordinal);
        var update = Assert.Single(chat.Adapter.Connector.Updates);
        Assert.Equal("1485983408511", update.Id);
        var card = CardChat.CardOf(update)!;
        Assert.Null(card["actions"]);
        Assert.Empty(CardChat.InputIds(card));
        var text = CardChat.TextOf([update]);
        Assert.Contains("Sent. Thank you!", text, StringComparison.Ordinal);
        Assert.Contains("How bad is your back pain right now?", text, StringComparison.Ordinal);
        Assert.Contains(titles, text, StringComparison.Ordinal); // the titles of the choices picked, not their values
        Assert.DoesNotContain(CardChat.Walk(card), n => n["type"]?.GetValue<string>() is "ActionSet" or "Action.Submit");
    }

    [Fact]
    public async Task ACardWithSomethingToFix_IsNotReplaced()
    {
        await using var chat = CardChat.Create(Channels.MsTeams);
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        var answers = CardCheckInTests.Calm();
        answers["painNow"] = "12";

        await chat.SubmitAsync(answers, replyToId: "1485983408511");

        Assert.Empty(chat.Adapter.Connector.Updates);
    }

    [Fact]
    public async Task WelcomeCard_IsReplacedWithTheButtonPicked()
    {
        await using var chat = CardChat.Create(Channels.MsTeams);
        await chat.SayAsync("hi");

        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0, replyToId: "welcome-1");

        var update = Assert.Single(chat.Adapter.Connector.Updates);
        Assert.Equal("welcome-1", update.Id);
        Assert.Contains("You picked: Yes, that's OK", CardChat.TextOf([update]), StringComparison.Ordinal);
        Assert.Contains("I am not a doctor", CardChat.TextOf([update]), StringComparison.Ordinal);
        Assert.Null(CardChat.CardOf(update)!["actions"]);
    }

    [Fact]
    public async Task LessonOfferOnTheDecisionCard_IsReplacedWithTheDecisionAndTheButtonPicked()
    {
        await using var chat = CardChat.Create(Channels.MsTeams);
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        var decision = CardChat.CardOf((await chat.SubmitAsync(CardCheckInTests.Calm())).Single())!;
        var later = decision["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList().IndexOf("Not now");

        await chat.SubmitAsync(new Dictionary<string, string>(), decision, action: later, replyToId: "decision-1");

        var update = Assert.Single(chat.Adapter.Connector.Updates);
        Assert.Equal("decision-1", update.Id);
        var card = CardChat.CardOf(update)!;
        Assert.Null(card["actions"]);
        Assert.Contains(CardChat.Walk(card), n => n["type"]?.GetValue<string>() == "Table"); // the next session stays on screen
        Assert.Contains("You picked: Not now", CardChat.TextOf([update]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnboardingCard_IsReplacedWithTheAnswersGiven()
    {
        await using var chat = CardChat.Create(Channels.MsTeams);
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);

        await chat.SubmitAsync(OnboardingCardTests.About(), replyToId: "about-1");

        var update = Assert.Single(chat.Adapter.Connector.Updates);
        Assert.Equal("about-1", update.Id);
        var text = CardChat.TextOf([update]);
        Assert.Contains("Sam", text, StringComparison.Ordinal);
        Assert.Contains("walking the dog", text, StringComparison.Ordinal);
        Assert.Empty(CardChat.InputIds(CardChat.CardOf(update)!));
    }

    [Fact]
    public async Task WithoutReplyToId_AsWebChatSubmits_NothingIsReplaced_AndASecondSubmitIsAnsweredOnce()
    {
        await using var chat = CardChat.Create(Channels.WebChat);
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        var card = chat.LastCard()!;

        await chat.SubmitAsync(CardCheckInTests.Calm(), card);
        var again = await chat.SubmitAsync(CardCheckInTests.Calm(), card);

        Assert.Empty(chat.Adapter.Connector.Updates);
        Assert.Equal("I already have your answers from that card. Thank you!", Assert.Single(again).Text);
    }

    [Fact]
    public async Task ARefusedUpdate_LosesNoAnswer_AndTheDecisionIsStillSent()
    {
        await using var chat = CardChat.Create(Channels.MsTeams);
        await chat.SeedAsync();
        chat.Adapter.Connector.FailUpdateWith = _ => new ConnectorException("Update failed") { StatusCode = HttpStatusCode.InternalServerError };
        await chat.SayAsync("check in");
        var card = chat.LastCard()!;

        var decision = await chat.SubmitAsync(CardCheckInTests.Calm(), card, replyToId: "1485983408511");
        var again = await chat.SubmitAsync(CardCheckInTests.Calm(), card, replyToId: "1485983408511");

        Assert.Contains("Your check-in result", CardChat.TextOf(decision), StringComparison.Ordinal);
        var entry = Assert.Single(await chat.EntriesAsync());
        Assert.Equal(2, entry.Input.PainNow);
        Assert.Equal("I already have your answers from that card. Thank you!", Assert.Single(again).Text); // the guard still holds
    }

    [Fact]
    public void ReadOnlyCopy_KeepsTheHeadings_AndLeavesOutTheHowToAndInputsLeftEmpty()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"TextBlock","text":"Your check-in","style":"heading"},
              {"type":"TextBlock","text":"Answer these questions, then tap Send."},
              {"type":"Input.Number","id":"painNow","label":"Pain now"},
              {"type":"Input.Text","id":"text","label":"Anything else?"}],
             "actions":[{"type":"Action.Submit","title":"Send","data":{}}]}
            """)!.AsObject();
        var values = System.Text.Json.JsonSerializer.SerializeToElement(new { painNow = "4", text = "" });

        var copy = Dialogs.Cards.SentCard.ReadOnly(new Dialogs.Shared.Texts(CoachBot.Content.CoachBotContent.Load(TestContent.Root)), card, values, chosen: null);

        var texts = CardChat.Walk(copy).Where(n => n["type"]?.GetValue<string>() == "TextBlock").Select(n => n["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["Your check-in", "Sent. Thank you! This is what you sent:", "Pain now", "4"], texts);
        Assert.Null(copy["actions"]);
    }
}
