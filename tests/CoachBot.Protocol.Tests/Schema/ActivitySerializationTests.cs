using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Tests.Schema;

public class ActivitySerializationTests
{
    public static TheoryData<string> GoldenFiles => new()
    {
        "teams-message.json",
        "webchat-message.json",
        "webchat-card-submit.json",
        "teams-invoke.json",
        "teams-conversation-update.json",
    };

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void RoundTrip_GoldenActivity_IsUnchanged(string file)
    {
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", file));

        var activity = JsonSerializer.Deserialize<Activity>(original, ProtocolJson.Options)!;
        var written = JsonSerializer.Serialize(activity, ProtocolJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), $"Round trip changed {file}:\n{written}");
    }

    [Fact]
    public void Deserialize_UnknownFields_AreKeptAndWrittenBack_A2005()
    {
        const string json = """{"type":"message","text":"hi","futureField":{"a":1},"from":{"id":"u","newProp":true},"conversation":{"id":"c","extra":"x"},"attachments":[{"contentType":"t","unknown":[1,2]}],"entities":[{"type":"future","k":"v"}]}""";

        var activity = JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!;

        Assert.Equal(1, activity.ExtensionData!["futureField"].GetProperty("a").GetInt32());
        Assert.True(written["from"]!["newProp"]!.GetValue<bool>());
        Assert.Equal("x", written["conversation"]!["extra"]!.GetValue<string>());
        Assert.Equal(2, written["attachments"]![0]!["unknown"]!.AsArray().Count);
        Assert.Equal("v", written["entities"]![0]!["k"]!.GetValue<string>());
    }

    [Fact]
    public void Serialize_Reply_UsesExactCamelCaseAndOmitsNulls()
    {
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            ReplyToId = "1",
            ServiceUrl = "https://x/",
            ChannelId = "msteams",
            InputHint = InputHints.ExpectingInput,
            LocalTimezone = "Europe/Paris",
            SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Yes")] },
            MembersAdded = [new ChannelAccount("u")],
        };

        var json = JsonSerializer.Serialize(reply, ProtocolJson.Options);

        Assert.Contains("\"replyToId\":\"1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"serviceUrl\":", json, StringComparison.Ordinal);
        Assert.Contains("\"channelId\":", json, StringComparison.Ordinal);
        Assert.Contains("\"inputHint\":\"expectingInput\"", json, StringComparison.Ordinal);
        Assert.Contains("\"localTimezone\":", json, StringComparison.Ordinal);
        Assert.Contains("\"suggestedActions\":{\"actions\":[{\"type\":\"imBack\",\"title\":\"Yes\",\"value\":\"Yes\"}]}", json, StringComparison.Ordinal);
        Assert.Contains("\"membersAdded\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"text\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_LocalTimestamp_KeepsTheSendersOffset()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"type":"message","localTimestamp":"2017-02-01T14:10:07.437-07:00","timestamp":"2017-02-01T21:10:07.437Z"}""", ProtocolJson.Options)!;

        Assert.Equal(TimeSpan.FromHours(-7), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal(activity.Timestamp, activity.LocalTimestamp);
        Assert.Contains("-07:00", JsonSerializer.Serialize(activity, ProtocolJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WrongCasing_IsNotBoundToTypedFields()
    {
        // The protocol is case-sensitive in practice; a wrongly cased field is kept as unknown data, not guessed.
        var activity = JsonSerializer.Deserialize<Activity>("""{"Type":"message","type":"event"}""", ProtocolJson.Options)!;

        Assert.Equal(ActivityTypes.Event, activity.Type);
        Assert.True(activity.ExtensionData!.ContainsKey("Type"));
    }

    [Theory]
    [InlineData("message", true)]
    [InlineData("invoke", true)]
    [InlineData("conversationUpdate", true)]
    [InlineData("handoff", false)]
    [InlineData("futureType", false)]
    [InlineData("Message", false)]
    public void IsKnownActivityType_ComparesOrdinally_A2014(string type, bool known) =>
        Assert.Equal(known, ActivityExtensions.IsKnownActivityType(type));

    [Fact]
    public void IsCardSubmit_EmptyTextWithObjectValue_IsTrue()
    {
        var submit = JsonSerializer.Deserialize<Activity>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "webchat-card-submit.json")), ProtocolJson.Options)!;
        var text = Activity.CreateMessage("7");

        Assert.True(submit.IsCardSubmit());
        Assert.False(text.IsCardSubmit());
    }

    [Fact]
    public void GetConversationReference_DirectLineConversationUpdate_HasNoActivityId()
    {
        var update = new Activity { Type = ActivityTypes.ConversationUpdate, Id = "x", ChannelId = Channels.WebChat, Conversation = new ConversationAccount("c") };
        var message = new Activity { Type = ActivityTypes.Message, Id = "y", ChannelId = Channels.WebChat, Conversation = new ConversationAccount("c") };

        Assert.Null(update.GetConversationReference().ActivityId);
        Assert.Equal("y", message.GetConversationReference().ActivityId);
    }
}
