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

public class TurnPipelineTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ordering_TwoTurnsOfOneConversation_NeverOverlap()
    {
        var release = new TaskCompletionSource();
        var firstEntered = new TaskCompletionSource();
        var running = 0;
        var maxRunning = 0;
        var order = new List<string>();
        await using var adapter = new TestAdapter(async (turn, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            lock (order)
            {
                order.Add(turn.Activity.Text!);
            }

            if (turn.Activity.Text == "first")
            {
                firstEntered.SetResult();
                await release.Task;
            }

            Interlocked.Decrement(ref running);
        });

        var first = adapter.SendTextAsync("first");
        await firstEntered.Task.WaitAsync(Safety);
        var second = adapter.SendTextAsync("second");
        release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Safety);

        Assert.Equal(1, maxRunning);
        Assert.Equal(["first", "second"], order);
    }

    [Fact]
    public async Task Ordering_DifferentConversations_RunInParallel()
    {
        var release = new TaskCompletionSource();
        var blockedEntered = new TaskCompletionSource();
        await using var adapter = new TestAdapter(async (turn, ct) =>
        {
            if (turn.Activity.Conversation!.Id == "blocked")
            {
                blockedEntered.SetResult();
                await release.Task;
            }
        });

        var blocked = adapter.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Conversation = new ConversationAccount("blocked") });
        await blockedEntered.Task.WaitAsync(Safety);
        await adapter.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Conversation = new ConversationAccount("free") }).WaitAsync(Safety);

        Assert.False(blocked.IsCompleted);
        release.SetResult();
        await blocked.WaitAsync(Safety);
    }

    [Fact]
    public async Task ConcurrentMessages_OneConversation_LoseNoStateUpdates()
    {
        IStatePropertyAccessor<int>? counter = null;
        await using var adapter = new TestAdapter(async (turn, ct) =>
        {
            var value = await counter!.GetAsync(turn, () => 0, ct);
            await Task.Yield();
            await counter.SetAsync(turn, value + 1, ct);
        });
        counter = adapter.ConversationState.CreateProperty<int>("counter");

        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Task.Run(() => adapter.SendTextAsync("m" + i)))).WaitAsync(Safety);

        var stored = (await adapter.Storage.ReadAsync(["test/conversations/conv-1"]))["test/conversations/conv-1"];
        Assert.Equal(25, System.Text.Json.JsonDocument.Parse(stored.Json).RootElement.GetProperty("counter").GetInt32());
    }

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

    [Fact]
    public async Task Typing_SlowMessageTurn_SendsTypingAfterDelayThenEveryPeriod()
    {
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        await using var adapter = new TestAdapter(async (turn, ct) =>
        {
            entered.SetResult();
            await release.Task;
            await turn.SendActivityAsync("done", ct);
        });

        var turn = adapter.SendTextAsync("slow");
        await entered.Task.WaitAsync(Safety);
        await adapter.Time.WaitForActiveTimersAsync(1).WaitAsync(Safety);
        adapter.Time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Empty(adapter.Connector.Sent);
        adapter.Time.Advance(TimeSpan.FromMilliseconds(1));
        await adapter.Connector.WaitForAsync(a => a.Type == ActivityTypes.Typing).WaitAsync(Safety);
        adapter.Time.Advance(TimeSpan.FromSeconds(2));
        await adapter.Connector.WaitForAsync(_ => adapter.Connector.Sent.Count(a => a.Type == ActivityTypes.Typing) >= 2).WaitAsync(Safety);
        release.SetResult();
        await turn.WaitAsync(Safety);

        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Typing, ActivityTypes.Message], adapter.Connector.Sent.Select(a => a.Type));
        Assert.Equal(0, adapter.Time.ActiveTimers);
    }

    [Fact]
    public async Task Typing_EventTurn_StartsNoTypingTimer()
    {
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        await using var adapter = new TestAdapter(async (_, _) =>
        {
            entered.SetResult();
            await release.Task;
        });

        var turn = adapter.SendActivityAsync(new Activity { Type = ActivityTypes.Event, Name = "x" });
        await entered.Task.WaitAsync(Safety);

        Assert.Equal(0, adapter.Time.ActiveTimers);
        release.SetResult();
        await turn.WaitAsync(Safety);
    }

    [Fact]
    public async Task Transcript_LogsInboundAndOutboundWithRolesIdsAndTimestamps()
    {
        var transcript = new MemoryTranscriptStore();
        await using var adapter = new TestAdapter((turn, ct) => turn.SendActivityAsync("hello back", ct), s => s.AddSingleton<ITranscriptLogger>(transcript));
        var inbound = adapter.MakeMessage("hello");
        inbound.From = new ChannelAccount("user-1");

        await adapter.SendActivityAsync(inbound);

        var logged = transcript.GetConversation("test", "conv-1");
        Assert.Equal(2, logged.Count);
        Assert.Equal(("hello", "user"), (logged[0].Text, logged[0].From!.Role));
        Assert.Equal(("hello back", "bot"), (logged[1].Text, logged[1].From!.Role));
        Assert.StartsWith("reply-", logged[1].Id, StringComparison.Ordinal);
        Assert.Equal(adapter.Time.GetUtcNow(), logged[1].Timestamp);
        Assert.Null(inbound.From.Role); // the logger got a copy
    }

    [Fact]
    public async Task Transcript_FailingLogger_NeverBreaksTheTurn()
    {
        var transcript = new Mock<ITranscriptLogger>();
        transcript.Setup(t => t.LogActivitiesAsync(It.IsAny<IReadOnlyList<Activity>>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk full"));
        await using var adapter = new TestAdapter((turn, ct) => turn.SendActivityAsync("still here", ct), s => s.AddSingleton(transcript.Object));

        await new TestFlow(adapter).Send("hi").AssertReply("still here").StartTestAsync();

        transcript.Verify(t => t.LogActivitiesAsync(It.Is<IReadOnlyList<Activity>>(a => a.Count == 2), It.IsAny<CancellationToken>()), Times.Once()); // the message in and the reply out
    }

    [Fact]
    public async Task ErrorHandler_BotThrows_ApologisesAndResetsConversationState()
    {
        IStatePropertyAccessor<string>? step = null;
        await using var adapter = new TestAdapter(
            async (turn, ct) =>
            {
                var current = await step!.GetAsync(turn, () => "start", ct);
                await turn.SendActivityAsync("step:" + current, ct);
                await step.SetAsync(turn, "middle", ct);
                if (turn.Activity.Text == "boom")
                {
                    throw new InvalidOperationException("broken dialog stack");
                }
            },
            s => s.AddSingleton<ITurnErrorReplyProvider>(new FixedApology("calm apology from content")));
        step = adapter.ConversationState.CreateProperty<string>("step");

        await new TestFlow(adapter)
            .Send("hi").AssertReply("step:start")
            .Send("boom").AssertReply("calm apology from content") // the failed turn's own replies are never sent
            .Send("again").AssertReply("step:start")               // the broken state was cleared
            .StartTestAsync();
    }

    [Fact]
    public async Task StateConflict_TurnIsRerunFromFreshState_AndRepliesSentOnce()
    {
        var inner = new MemoryStorage();
        var storage = StorageMock.Over(inner).FailingWrite(inner, 1, StorageConflictException.ForKey("test/conversations/conv-1"));
        var runs = 0;
        await using var adapter = new TestAdapter(
            (turn, ct) =>
            {
                runs++;
                return turn.SendActivityAsync("run " + runs, ct);
            },
            s => s.AddSingleton(storage.Object));

        await new TestFlow(adapter).Send("hi").AssertReply("run 2").AssertNoReply().StartTestAsync();

        Assert.Equal(2, runs);
        storage.Verify(st => st.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task StateConflict_Persistent_IsReportedWithoutWipingState()
    {
        var storage = StorageMock.Over(new MemoryStorage());
        storage.Setup(st => st.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(StorageConflictException.ForKey("test/conversations/conv-1"));
        var runs = 0;
        await using var adapter = new TestAdapter(
            (turn, ct) =>
            {
                runs++;
                return turn.SendActivityAsync("never sent", ct);
            },
            s => s.AddSingleton(storage.Object).AddSingleton<ITurnErrorReplyProvider>(new FixedApology("sorry")));

        await new TestFlow(adapter).Send("hi").AssertReply("sorry").AssertNoReply().StartTestAsync();

        Assert.Equal(3, runs);
        storage.Verify(st => st.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        storage.Verify(st => st.DeleteAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task StoreFailsOnTheThirdWrite_ThatTurnApologises_AndEarlierTurnsAreKept()
    {
        var inner = new MemoryStorage();
        var storage = StorageMock.Over(inner).FailingWrite(inner, 3, new IOException("disk full"));
        IStatePropertyAccessor<int>? count = null;
        await using var adapter = new TestAdapter(
            async (turn, ct) =>
            {
                var n = await count!.GetAsync(turn, () => 0, ct) + 1;
                await count.SetAsync(turn, n, ct);
                await turn.SendActivityAsync("turn " + n, ct);
            },
            s => s.AddSingleton(storage.Object).AddSingleton<ITurnErrorReplyProvider>(new FixedApology("sorry")));
        count = adapter.ConversationState.CreateProperty<int>("count");

        await new TestFlow(adapter)
            .Send("one").AssertReply("turn 1")
            .Send("two").AssertReply("turn 2")
            .Send("three").AssertReply("sorry")  // its reply is never sent: the turn did not commit
            .Send("four").AssertReply("turn 3")  // counted on from the last committed turn
            .StartTestAsync();
    }

    [Fact]
    public async Task TwoInstances_SharingStorage_LoseNoUpdate()
    {
        // Instance A loads, instance B commits in between, A's commit conflicts and A re-runs from fresh state.
        var shared = new MemoryStorage();
        var storageA = StorageMock.Over(shared);
        IStatePropertyAccessor<int>? counterA = null;
        IStatePropertyAccessor<int>? counterB = null;
        await using var b = new TestAdapter(
            async (turn, ct) => await counterB!.SetAsync(turn, await counterB.GetAsync(turn, () => 0, ct) + 1, ct),
            s => s.AddSingleton<IStorage>(shared));
        counterB = b.ConversationState.CreateProperty<int>("counter");
        await using var a = new TestAdapter(
            async (turn, ct) => await counterA!.SetAsync(turn, await counterA.GetAsync(turn, () => 0, ct) + 1, ct),
            s => s.AddSingleton(storageA.Object));
        counterA = a.ConversationState.CreateProperty<int>("counter");
        await b.SendActivityAsync(b.MakeMessage("warm up").WithId("b-1")); // the document exists: writes carry ETags
        var bCommitted = false;
        storageA.Setup(st => st.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyDictionary<string, StoreItem> changes, CancellationToken ct) =>
            {
                if (!bCommitted)
                {
                    bCommitted = true;
                    await b.SendActivityAsync(b.MakeMessage("from instance B").WithId("b-2"), CancellationToken.None);
                }

                return await shared.WriteAsync(changes, ct);
            });

        await a.SendActivityAsync(a.MakeMessage("from instance A").WithId("a-1"));

        var stored = (await shared.ReadAsync(["test/conversations/conv-1"]))["test/conversations/conv-1"];
        Assert.Equal(3, System.Text.Json.JsonDocument.Parse(stored.Json).RootElement.GetProperty("counter").GetInt32());
    }

    [Fact]
    public async Task Replies_AreAddressedFromTheInboundActivity()
    {
        await using var adapter = new TestAdapter((turn, ct) => turn.SendActivityAsync("hi", ct));
        var inbound = adapter.MakeMessage("hello");

        await adapter.SendActivityAsync(inbound);

        var reply = adapter.GetNextReply()!;
        Assert.Equal(inbound.Id, reply.ReplyToId);
        Assert.Equal("bot-1", reply.From!.Id);
        Assert.Equal("user-1", reply.Recipient!.Id);
        Assert.Equal("conv-1", reply.Conversation!.Id);
        Assert.Null(reply.Id);
    }

    [Fact]
    public async Task Trace_ActivitiesAreDroppedOutsideTheEmulator()
    {
        await using var adapter = new TestAdapter((turn, ct) => turn.SendActivitiesAsync([new Activity { Type = ActivityTypes.Trace, Name = "debug" }, Activity.CreateMessage("visible")], ct));

        await adapter.SendTextAsync("hi");

        Assert.Equal(["visible"], adapter.Connector.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task DeliveryFailure_IsRecordedAndLaterRepliesAreNotAttempted()
    {
        await using var adapter = new TestAdapter((turn, ct) => turn.SendActivitiesAsync([Activity.CreateMessage("one"), Activity.CreateMessage("two")], ct));
        adapter.Connector.FailWith = a => a.Text == "one" ? new ConnectorException("boom") { StatusCode = System.Net.HttpStatusCode.BadGateway, MayHaveBeenDelivered = true } : null;

        await adapter.SendTextAsync("hi");

        var log = adapter.Services.GetRequiredService<DeliveryFailureLog>().Failures;
        Assert.Equal(2, log.Count);
        Assert.Equal(("one", false), (log[0].Activity.Text, log[0].NotAttempted));
        Assert.Equal(("two", true), (log[1].Activity.Text, log[1].NotAttempted));
        Assert.True(log[0].Error.MayHaveBeenDelivered);
    }

    private sealed class FixedApology(string text) : ITurnErrorReplyProvider
    {
        public IReadOnlyList<Activity> CreateErrorReplies(ITurnContext turnContext, Exception exception) => [Activity.CreateMessage(text)];
    }
}

internal static class ActivityTestExtensions
{
    public static Activity WithId(this Activity activity, string id)
    {
        activity.Id = id;
        return activity;
    }
}
