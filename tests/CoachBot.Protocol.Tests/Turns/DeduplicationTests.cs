using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoachBot.Protocol.Tests.Turns;

/// <summary>Activity de-duplication: a repeated activity id runs the bot once, across restarts, within the window.</summary>
public class DeduplicationTests
{
    [Fact]
    public async Task Dedupe_SameActivityIdTwice_RunsTheBotOnce()
    {
        var runs = 0;
        await using var adapter = new TestAdapter((turn, ct) =>
        {
            runs++;
            return turn.SendActivityAsync("ok", ct);
        });
        var activity = adapter.MakeMessage("hello");

        await adapter.SendActivityAsync(activity);
        await adapter.SendActivityAsync(adapter.MakeMessage("hello").WithId(activity.Id!));

        Assert.Equal(1, runs);
        Assert.Single(adapter.Connector.Sent);
    }

    [Fact]
    public async Task Dedupe_SurvivesARestart_BecauseIdsLiveInConversationState()
    {
        var storage = new MemoryStorage();
        var runs = 0;
        Task Bot(ITurnContext turn, CancellationToken ct)
        {
            runs++;
            return Task.CompletedTask;
        }

        await using (var before = new TestAdapter(Bot, s => s.AddSingleton<IStorage>(storage)))
        {
            await before.SendActivityAsync(before.MakeMessage("hi").WithId("teams-1"));
        }

        await using var after = new TestAdapter(Bot, s => s.AddSingleton<IStorage>(storage));
        await after.SendActivityAsync(after.MakeMessage("hi").WithId("teams-1"));
        await after.SendActivityAsync(after.MakeMessage("hi").WithId("teams-2"));

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task Dedupe_AListStoredByTheEarlierCode_StillCounts_AndIsWrittenBackInTheSameForm()
    {
        var runs = 0;
        await using var adapter = new TestAdapter((_, _) =>
        {
            runs++;
            return Task.CompletedTask;
        });
        var at = adapter.Time.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds();
        // As the hand-written converter wrote it before the list moved to System.Text.Json.
        var stored = $$"""{"_processedActivities":{"ids":["teams-1"],"at":[{{at}}]},"counter":7}""";
        await adapter.Storage.WriteAsync(new Dictionary<string, StoreItem> { ["test/conversations/conv-1"] = new(stored, "*") });

        await adapter.SendActivityAsync(adapter.MakeMessage("hi").WithId("teams-1"));
        await adapter.SendActivityAsync(adapter.MakeMessage("hi").WithId("teams-2"));

        Assert.Equal(1, runs);
        var written = (await adapter.Storage.ReadAsync(["test/conversations/conv-1"]))["test/conversations/conv-1"];
        Assert.Equal(
            $$$"""{"counter":7,"_processedActivities":{"ids":["teams-1","teams-2"],"at":[{{{at}}},{{{adapter.Time.GetUtcNow().ToUnixTimeMilliseconds()}}}]}}""",
            written.Json);
    }

    [Fact]
    public async Task Dedupe_TheFirstFormOfTheList_ReadsAsEmpty()
    {
        // {"items":[{"id","at"}]} was written only before the two-array form; its ids are long past the window.
        var runs = 0;
        await using var adapter = new TestAdapter((_, _) =>
        {
            runs++;
            return Task.CompletedTask;
        });
        var earlier = """{"_processedActivities":{"items":[{"id":"teams-1","at":"2026-11-21T10:00:00+00:00"}]}}""";
        await adapter.Storage.WriteAsync(new Dictionary<string, StoreItem> { ["test/conversations/conv-1"] = new(earlier, "*") });

        await adapter.SendActivityAsync(adapter.MakeMessage("hi").WithId("teams-1"));

        Assert.Equal(1, runs);
    }

    [Theory]
    [InlineData("""{"ids":["a","b"],"at":[1]}""")]
    [InlineData("""{"ids":["a"]}""")]
    [InlineData("""{"ids":[1],"at":[1]}""")]
    [InlineData("""{"ids":"a","at":[1]}""")]
    [InlineData("""{"ids":["a"],"at":["no"]}""")]
    [InlineData("""{"ids":["a"],"at":[1.5]}""")]
    [InlineData("""{"ids":["a"],"at":[99999999999999999]}""")]
    [InlineData("""[]""")]
    public void Dedupe_ABrokenStoredList_IsAJsonError(string json) =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<ProcessedActivities>(json, StateJson.Options));

    [Fact]
    public void Dedupe_StoredList_RoundTrips_AndSkipsWhatItDoesNotKnow()
    {
        var list = System.Text.Json.JsonSerializer.Deserialize<ProcessedActivities>(
            """{"ids":["a|0000001","b"],"later":{"x":[1]},"at":[1763800000123,1795338000000],"none":null}""",
            StateJson.Options)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763800000123), list.Find("a|0000001"));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), list.Find("b"));
        Assert.Null(list.Find("c"));
        Assert.Equal(
            """{"ids":["a|0000001","b"],"at":[1763800000123,1795338000000]}""",
            System.Text.Json.JsonSerializer.Serialize(list, StateJson.Options));
        var empty = System.Text.Json.JsonSerializer.Deserialize<ProcessedActivities>("""{"ids":null,"at":null}""", StateJson.Options)!;
        Assert.Null(empty.Find("a"));
    }

    [Fact]
    public async Task Dedupe_IdOlderThanTheWindow_IsProcessedAgain()
    {
        var runs = 0;
        await using var adapter = new TestAdapter((_, _) =>
        {
            runs++;
            return Task.CompletedTask;
        });

        await adapter.SendActivityAsync(adapter.MakeMessage("hi").WithId("x"));
        adapter.Time.Advance(TimeSpan.FromMinutes(11));
        await adapter.SendActivityAsync(adapter.MakeMessage("hi").WithId("x"));

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task Dedupe_DuplicateInvoke_GetsA200WithoutRunningTheBot()
    {
        var runs = 0;
        await using var adapter = new TestAdapter((turn, _) =>
        {
            runs++;
            turn.InvokeResponse = new InvokeResponse { Status = 200, Body = new { n = runs } };
            return Task.CompletedTask;
        });
        Activity Invoke() => new() { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", Id = "inv-1" };

        var first = await adapter.SendActivityAsync(Invoke());
        var second = await adapter.SendActivityAsync(Invoke());

        Assert.Equal(1, runs);
        Assert.Equal(200, first!.Status);
        Assert.Equal(200, second!.Status);
    }
}
