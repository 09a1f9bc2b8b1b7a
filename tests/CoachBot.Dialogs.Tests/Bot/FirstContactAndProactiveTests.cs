using System.Text.Json;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Bot;

/// <summary>First contact from conversationUpdate / installationUpdate, a card submit as an answer, and proactive check-ins.</summary>
public sealed class FirstContactAndProactiveTests
{
    [Fact]
    public async Task ConversationUpdate_ThenInstallationUpdate_WelcomeOnce()
    {
        await using var transport = AdapterTransport.Create();
        var adapter = transport.Adapter;

        await adapter.SendActivityAsync(MembersAdded(adapter, "user-1", "bot-1"));
        var welcome = transport.DrainReplies();
        await adapter.SendActivityAsync(InstallationAdd());
        var again = transport.DrainReplies();

        Assert.Contains(welcome, r => r.Contains("I'm CoachBot", StringComparison.Ordinal));
        Assert.Contains("is it OK for me to keep your answers", welcome[^1], StringComparison.Ordinal);
        Assert.Empty(again);
    }

    [Fact]
    public async Task InstallationUpdate_ThenConversationUpdate_WelcomeOnce()
    {
        await using var transport = AdapterTransport.Create();
        var adapter = transport.Adapter;

        await adapter.SendActivityAsync(InstallationAdd());
        var welcome = transport.DrainReplies();
        await adapter.SendActivityAsync(MembersAdded(adapter, "user-1"));

        Assert.Contains(welcome, r => r.Contains("I'm CoachBot", StringComparison.Ordinal));
        Assert.Empty(transport.DrainReplies());
    }

    [Fact]
    public async Task ConversationUpdate_OnlyTheBotAdded_SaysNothing()
    {
        await using var transport = AdapterTransport.Create();
        var adapter = transport.Adapter;

        await adapter.SendActivityAsync(MembersAdded(adapter, "bot-1"));

        Assert.Empty(transport.DrainReplies());
    }

    [Fact]
    public async Task ConversationUpdate_ForAnOnboardedPatient_SaysNothing()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        await transport.Adapter.SendActivityAsync(MembersAdded(transport.Adapter, "user-1"));

        Assert.Empty(transport.DrainReplies());
    }

    [Fact]
    public async Task AdaptiveCardSubmit_WithNoText_AnswersAChoicePrompt()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("3");
        var kneeQuestion = await transport.SendAsync("ache and stiff");
        Assert.Contains("below your knee", kneeQuestion[^1], StringComparison.Ordinal);

        var submit = transport.Adapter.MakeMessage(null);
        submit.Value = JsonDocument.Parse("{\"choice\":\"No\",\"msteams\":{\"type\":\"messageBack\"}}").RootElement.Clone();
        await transport.Adapter.SendActivityAsync(submit);

        Assert.Contains("your last training session", Assert.Single(transport.DrainReplies()), StringComparison.Ordinal);
        await CheckInDriver.FinishAsync(transport, ["your last training session"]);
        Assert.False(Assert.Single(await CheckInDriver.EntriesAsync(transport)).Input.RadiatesBelowKnee);
    }

    [Fact]
    public async Task BeginCheckIn_Proactively_GreetsAndAsks_ThenTheNextMessageAnswers()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        var replies = await transport.ProactiveCheckInAsync();

        Assert.Equal("Hi Sam, it's time for your check-in. It takes about 2 minutes.", replies[0]);
        Assert.Contains("How bad is your back pain right now", replies[^1], StringComparison.Ordinal);
        var next = await transport.SendAsync("2");
        Assert.Contains("What does the pain feel like", next[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeginCheckIn_AgainBeforeThePatientWrote_StartsTheCheckInAfresh_AndItIsRecordedOnce()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.ProactiveCheckInAsync();
        transport.Advance(TimeSpan.FromDays(7));

        var again = await transport.ProactiveCheckInAsync();

        Assert.Equal("Hi Sam, it's time for your check-in. It takes about 2 minutes.", again[0]);
        Assert.Contains("How bad is your back pain right now", again[^1], StringComparison.Ordinal);
        await CheckInDriver.FinishAsync(transport, again);
        Assert.Single(await CheckInDriver.EntriesAsync(transport));
    }

    [Fact]
    public async Task BeginCheckIn_AfterThePatientAnsweredPartOfTheCheckIn_DoesNothing()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.ProactiveCheckInAsync();
        transport.Advance(TimeSpan.FromMinutes(1));
        await transport.SendAsync("2");

        Assert.Empty(await transport.ProactiveCheckInAsync());
        var next = await transport.SendAsync("ache and stiff");
        Assert.Contains("below your knee", next[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeginCheckIn_WhileADialogRuns_DoesNothing()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("talk to a coach");

        Assert.Empty(await transport.ProactiveCheckInAsync());
        var after = await transport.SendAsync("Can you check my squat form?");
        Assert.Contains("I've asked a coach to get in touch", Assert.Single(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeginCheckIn_BeforeOnboarding_DoesNothing()
    {
        await using var transport = AdapterTransport.Create();

        Assert.Empty(await transport.ProactiveCheckInAsync());
    }

    [Fact]
    public async Task BeginCheckIn_AfterStop_DoesNothing()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("stop");
        var done = await transport.SendAsync("Yes, pause");
        Assert.Contains("paused your check-ins", done[^1], StringComparison.Ordinal);

        Assert.Empty(await transport.ProactiveCheckInAsync());
    }

    [Fact]
    public async Task BeginCheckIn_WhileACoachHoldsTheConversation_DoesNothing()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport, change: p => p with { CoachHoldsConversation = true, HoldingCoach = "coach-ann" });

        Assert.Empty(await transport.ProactiveCheckInAsync());
    }

    private static Activity MembersAdded(TestAdapter adapter, params string[] ids) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        From = adapter.Conversation.User,
        MembersAdded = [.. ids.Select(id => new ChannelAccount(id))],
    };

    private static Activity InstallationAdd() => new() { Type = ActivityTypes.InstallationUpdate, Action = "add" };
}
