using System.Text.Json;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Tests.Turns;
using CoachBot.Protocol.Turns;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoachBot.Protocol.Tests.State;

public class BotStateTests
{
    private sealed class Profile
    {
        public string? Name { get; set; }

        public int Visits { get; set; }
    }

    [Fact]
    public async Task Turn_StateChanges_AreLoadedOnceAndSavedOnceInOneBatch()
    {
        var storage = StorageMock.Over(new MemoryStorage());
        IStatePropertyAccessor<int>? counter = null;
        IStatePropertyAccessor<Profile>? profile = null;
        await using var adapter = new TestAdapter(
            async (turn, ct) =>
            {
                var count = await counter!.GetAsync(turn, () => 0, ct);
                await counter.SetAsync(turn, count + 1, ct);
                (await profile!.GetAsync(turn, () => new Profile(), ct)).Visits++;
                turn.Stage("records/checkin-1", new StoreItem("""{"pain":4}""", null));
            },
            s => s.AddSingleton(storage.Object));
        counter = adapter.ConversationState.CreateProperty<int>("counter");
        profile = adapter.UserState.CreateProperty<Profile>("profile");

        await adapter.SendTextAsync("hi");

        storage.Verify(st => st.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()), Times.Once());
        var write = Assert.Single(storage.Invocations, i => i.Method.Name == nameof(IStorage.WriteAsync));
        var batch = Assert.IsAssignableFrom<IReadOnlyDictionary<string, StoreItem>>(write.Arguments[0]);
        Assert.Equal(["records/checkin-1", "test/conversations/conv-1", "test/users/user-1"], batch.Keys.Order(StringComparer.Ordinal));
        Assert.Null(batch["test/conversations/conv-1"].ETag); // first write: create-only
    }

    [Fact]
    public async Task Turn_NothingChanged_WritesNothing()
    {
        var storage = StorageMock.Over(new MemoryStorage());
        IStatePropertyAccessor<Profile>? profile = null;
        await using var adapter = new TestAdapter(
            async (turn, ct) => _ = await profile!.GetAsync(turn, ct),
            s => s.AddSingleton(storage.Object).Configure<BotRuntimeOptions>(o => o.DeduplicationCapacity = 0));
        profile = adapter.UserState.CreateProperty<Profile>("profile");

        await adapter.SendTextAsync("hi");

        storage.Verify(st => st.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task State_PersistsAcrossTurns_WithCamelCaseJson()
    {
        IStatePropertyAccessor<Profile>? profile = null;
        await using var adapter = new TestAdapter(
            async (turn, ct) =>
            {
                var p = await profile!.GetAsync(turn, () => new Profile(), ct);
                p.Visits++;
                p.Name ??= turn.Activity.Text;
                await turn.SendActivityAsync($"{p.Name}:{p.Visits}", ct);
            });
        profile = adapter.UserState.CreateProperty<Profile>("profile");

        await new TestFlow(adapter).Send("ana").AssertReply("ana:1").Send("bob").AssertReply("ana:2").StartTestAsync();

        var stored = (await adapter.Storage.ReadAsync(["test/users/user-1"]))["test/users/user-1"];
        Assert.Equal(2, JsonDocument.Parse(stored.Json).RootElement.GetProperty("profile").GetProperty("visits").GetInt32());
    }

    [Fact]
    public async Task ConversationAndUserState_UseTheDocumentedKeys()
    {
        await using var adapter = new TestAdapter((_, _) => Task.CompletedTask);
        var turn = new ContextProbe(new Activity { ChannelId = "msteams", Conversation = new ConversationAccount("a:1"), From = new ChannelAccount("29:u") });

        Assert.Equal("msteams/conversations/a:1", adapter.ConversationState.GetStorageKey(turn));
        Assert.Equal("msteams/users/29:u", adapter.UserState.GetStorageKey(turn));
        Assert.Null(adapter.UserState.GetStorageKey(new ContextProbe(new Activity { ChannelId = "msteams" })));
    }

    [Fact]
    public async Task DeleteProperty_RemovesItFromTheStoredDocument()
    {
        IStatePropertyAccessor<string>? note = null;
        await using var adapter = new TestAdapter(async (turn, ct) =>
        {
            if (turn.Activity.Text == "set")
            {
                await note!.SetAsync(turn, "x", ct);
            }
            else
            {
                await note!.DeleteAsync(turn, ct);
            }
        });
        note = adapter.ConversationState.CreateProperty<string>("note");

        await adapter.SendTextAsync("set");
        await adapter.SendTextAsync("delete");

        var stored = (await adapter.Storage.ReadAsync(["test/conversations/conv-1"]))["test/conversations/conv-1"];
        Assert.False(JsonDocument.Parse(stored.Json).RootElement.TryGetProperty("note", out _));
    }

    [Fact]
    public async Task PropertiesNoAccessorTouched_AreWrittenBackExactlyAsStored_AndALaterDuplicateWins()
    {
        const string Untouched = """{"x":"caf\u00e9 \ud83d\ude00 \"q\"","n":[1,2.50,1e3,{"deep":null}],"t":true}""";
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["test/conversations/conv-1"] = new("{\"b\":" + Untouched + ",\"a\":1,\"a\":2}", "*"),
        });
        IStatePropertyAccessor<int>? counter = null;
        IStatePropertyAccessor<int>? a = null;
        var seenA = 0;
        await using var adapter = new TestAdapter(
            async (turn, ct) =>
            {
                seenA = await a!.GetAsync(turn, () => -1, ct);
                await counter!.SetAsync(turn, 1, ct);
            },
            s => s.AddSingleton<IStorage>(storage).Configure<BotRuntimeOptions>(o => o.DeduplicationCapacity = 0));
        counter = adapter.ConversationState.CreateProperty<int>("counter");
        a = adapter.ConversationState.CreateProperty<int>("a");

        await adapter.SendTextAsync("hi");

        Assert.Equal(2, seenA);
        var stored = (await storage.ReadAsync(["test/conversations/conv-1"]))["test/conversations/conv-1"];
        Assert.Equal("{\"b\":" + Untouched + ",\"a\":2,\"counter\":1}", stored.Json);
    }

    /// <summary>
    /// A conversation document as the real host stored it before state moved to System.Text.Json (the last document
    /// of a benchmark conversation: de-duplication list, dialog state, last message time). It still loads: a stored
    /// activity id counts as processed, and the properties this turn does not touch are written back unchanged.
    /// </summary>
    [Fact]
    public async Task AConversationDocumentStoredByTheEarlierCode_Loads_AndKeepsWhatTheTurnDoesNotTouch()
    {
        var stored = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "State", "Stored", "host-conversation.json"));
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["test/conversations/conv-1"] = new(stored, "*") });
        var runs = 0;
        await using var adapter = new TestAdapter((_, _) =>
        {
            runs++;
            return Task.CompletedTask;
        }, s => s.AddSingleton<IStorage>(storage));
        adapter.Time.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(1796626776239).AddMinutes(1));

        await adapter.SendActivityAsync(adapter.MakeMessage("again").WithId("rf-24199"));
        await adapter.SendActivityAsync(adapter.MakeMessage("new").WithId("rf-new"));

        Assert.Equal(1, runs);
        var written = JsonDocument.Parse((await storage.ReadAsync(["test/conversations/conv-1"]))["test/conversations/conv-1"].Json).RootElement;
        var before = JsonDocument.Parse(stored).RootElement;
        Assert.Equal(before.GetProperty("DialogState").GetRawText(), written.GetProperty("DialogState").GetRawText());
        Assert.Equal(before.GetProperty("LastMessageAt").GetRawText(), written.GetProperty("LastMessageAt").GetRawText());
        var ids = written.GetProperty("_processedActivities").GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.Equal(32, ids.Count);
        Assert.Equal("rf-new", ids[^1]);
        Assert.Equal(before.GetProperty("_processedActivities").GetProperty("ids")[1].GetString(), ids[0]);
    }

    [Theory]
    [InlineData("null", true)]
    [InlineData(" {} ", true)]
    [InlineData("[]", false)]
    [InlineData("\"text\"", false)]
    [InlineData("{\"a\":1", false)]
    [InlineData("{\"a\":1} {}", false)]
    [InlineData("{\"a\":}", false)]
    public async Task AStoredDocument_ThatIsNotAnObject_IsAJsonError_WhenAPropertyIsRead(string json, bool readable)
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["test/users/user-1"] = new(json, "*") });
        IStatePropertyAccessor<string>? note = null;
        Exception? error = null;
        string? value = "unset";
        await using var adapter = new TestAdapter(
            async (turn, ct) =>
            {
                try
                {
                    value = await note!.GetAsync(turn, ct);
                }
                catch (JsonException ex)
                {
                    error = ex;
                }
            },
            s => s.AddSingleton<IStorage>(storage));
        note = adapter.UserState.CreateProperty<string>("note");

        await adapter.SendTextAsync("hi");

        if (readable)
        {
            Assert.Null(error);
            Assert.Null(value);
        }
        else
        {
            Assert.NotNull(error);
        }
    }

    private sealed class ContextProbe(Activity activity) : ITurnContext
    {
        public Activity Activity { get; } = activity;

        public System.Security.Claims.ClaimsIdentity Identity { get; } = new();

        public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>();

        public bool Responded => false;

        public InvokeResponse? InvokeResponse { get; set; }

        public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public void Stage(string key, StoreItem item) => throw new NotSupportedException();

        public ITurnContext OnSendActivities(SendActivitiesHandler handler) => this;

        public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
