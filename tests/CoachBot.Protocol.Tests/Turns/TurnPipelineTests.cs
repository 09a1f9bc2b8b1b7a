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
