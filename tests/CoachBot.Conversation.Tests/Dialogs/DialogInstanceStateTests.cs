using System.Text.Json;
using CoachBot.Protocol.State;

namespace CoachBot.Conversation.Tests.Dialogs;

public class DialogInstanceStateTests
{
    /// <summary>A component with a prompt over a waterfall, as the JsonObject-based dialog state wrote it.</summary>
    private const string StoredStack =
        """{"dialogStack":[{"id":"bench.checkin","version":"bench.checkin:27ebbefd7900c826","state":{"dialogs":{"dialogStack":[{"id":"bench.kind","version":"bench.kind","state":{"options":{"prompt":{"type":"message","text":"What kind of pain? (1) ache, (2) sharp, (3) radiating, or (4) stiffness"},"retryPrompt":{"type":"message","text":"Please pick one: ache, sharp, radiating or stiffness."},"choices":[{"value":"ache"},{"value":"sharp"},{"value":"radiating"},{"value":"stiffness"}],"style":"None"},"attemptCount":0}},{"id":"bench.checkin.steps","version":"bench.checkin.steps:4","state":{"instanceId":"903869dcfbca4f928ad2005d5841f4b7","stepIndex":1,"state":{"pain":3}}}]}}}]}""";

    private sealed class Answers
    {
        public int Pain { get; set; }

        public string? Kind { get; set; }
    }

    [Fact]
    public void AStoredStack_NothingRead_IsWrittenBackAsItWas()
    {
        var state = JsonSerializer.Deserialize<DialogState>(StoredStack, StateJson.Options)!;

        Assert.Equal(StoredStack, JsonSerializer.Serialize(state, StateJson.Options));
    }

    [Fact]
    public void AStoredStack_ReadAndChangedInPlace_IsWrittenWithTheChange_AndNothingElseMoves()
    {
        var state = JsonSerializer.Deserialize<DialogState>(StoredStack, StateJson.Options)!;
        var inner = state.DialogStack[0].State.Get<DialogState>("dialogs")!;
        var waterfall = inner.DialogStack[1].State;

        Assert.Equal(1, waterfall.Get<int>("stepIndex"));
        waterfall.Get<Answers>("state")!.Kind = "sharp"; // no Set: the object read is the one saved

        Assert.Equal(
            StoredStack.Replace("""{"pain":3}""", """{"pain":3,"kind":"sharp"}""", StringComparison.Ordinal),
            JsonSerializer.Serialize(state, StateJson.Options));
    }

    [Fact]
    public void GetCopy_IsFreshEachTime_AndChangesToItAreNotSaved()
    {
        var state = new DialogInstanceState();
        state.Set("answers", new Answers { Pain = 2 });

        var copy = state.GetCopy<Answers>("answers")!;
        copy.Pain = 9;

        Assert.Equal(2, state.GetCopy<Answers>("answers")!.Pain);
        Assert.NotSame(state.GetCopy<Answers>("answers"), state.GetCopy<Answers>("answers"));
        Assert.Equal("""{"answers":{"pain":2}}""", JsonSerializer.Serialize(state, StateJson.Options));
    }

    [Fact]
    public void SetCopy_TakesTheValueAsItIsNow()
    {
        var state = new DialogInstanceState();
        var answers = new Answers { Pain = 4 };

        state.SetCopy("answers", answers);
        answers.Pain = 8;

        Assert.Equal(4, state.Get<Answers>("answers")!.Pain);
        Assert.Equal("""{"answers":{"pain":4}}""", JsonSerializer.Serialize(state, StateJson.Options));
    }

    [Fact]
    public void Values_KeepTheirOwnJsonOptions_AndAnObjectIsWrittenAsItsRuntimeType()
    {
        var pascal = new JsonSerializerOptions { PropertyNamingPolicy = null };
        var state = new DialogInstanceState();

        state.Set("a", new Answers { Pain = 1 }, pascal);
        state.Set<object>("b", new Answers { Pain = 2 });

        Assert.Equal("""{"a":{"Pain":1,"Kind":null},"b":{"pain":2}}""", JsonSerializer.Serialize(state, StateJson.Options));
    }

    [Fact]
    public void MissingValues_ReadAsDefault_AndAValueStoredAsOneTypeReadsAsAnother()
    {
        var state = new DialogInstanceState();
        state.Set("n", 7);

        Assert.Equal(0, state.Get<int>("missing"));
        Assert.Null(state.Get<Answers>("missing"));
        Assert.Null(state.GetJson("missing"));
        Assert.Equal(7L, state.Get<long>("n"));
        Assert.Equal(7, state.GetJson("n")!.Value.GetInt32());
        Assert.True(state.Remove("n"));
        Assert.False(state.Contains("n"));
    }

    [Theory]
    [InlineData("""{"id":"x","state":[]}""")]
    [InlineData("""{"id":"x","state":"text"}""")]
    [InlineData("""{"id":"x","state":{"a":}}""")]
    public void AStateThatIsNotAnObject_IsAJsonError(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DialogInstance>(json, StateJson.Options));

    [Fact]
    public void ANullState_ReadsAsEmpty()
    {
        var instance = JsonSerializer.Deserialize<DialogInstance>("""{"id":"x","state":null}""", StateJson.Options)!;

        Assert.Empty(instance.State.Keys);
    }
}
