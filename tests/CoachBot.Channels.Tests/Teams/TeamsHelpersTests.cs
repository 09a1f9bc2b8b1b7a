using System.Text.Json;
using CoachBot.Channels.Teams;
using CoachBot.Protocol.Schema;

namespace CoachBot.Channels.Tests.Teams;

public sealed class AdaptiveChoiceCardTests
{
    [Fact]
    public void Create_FourChoices_BuildsVersion15CardWithImBackSubmits()
    {
        var attachment = AdaptiveChoiceCard.Create("How is your pain?", ["None", "Mild", "Moderate", "Severe"]);

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = attachment.Content!.Value;
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal("How is your pain?", card.GetProperty("body")[0].GetProperty("text").GetString());
        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(4, actions.Count);
        Assert.All(actions, a => Assert.Equal("Action.Submit", a.GetProperty("type").GetString()));
        Assert.Equal("imBack", actions[2].GetProperty("data").GetProperty("msteams").GetProperty("type").GetString());
        Assert.Equal("Moderate", actions[2].GetProperty("data").GetProperty("msteams").GetProperty("value").GetString());
        Assert.Equal("Moderate", actions[2].GetProperty("data").GetProperty("choice").GetString());
    }

    [Fact]
    public void Create_NoChoices_Throws()
    {
        Assert.Throws<ArgumentException>(() => AdaptiveChoiceCard.Create("q", Array.Empty<string>()));
    }

    [Fact]
    public void Create_CardJson_RoundTripsThroughProtocolSerializer()
    {
        var message = Activity.CreateMessage();
        message.Attachments = [AdaptiveChoiceCard.Create("q", ["a", "b"])];

        var json = JsonSerializer.Serialize(message, ProtocolJson.Options);

        Assert.Contains("\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\"", json, StringComparison.Ordinal);
    }
}

public sealed class TeamsErrorClassifierTests
{
    [Theory]
    [InlineData("{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}", TeamsSendFailure.BotNotInConversationRoster)]
    [InlineData("{\"error\":{\"code\":\"ConversationBlockedByUser\",\"message\":\"User blocked the conversation with the bot.\"}}", TeamsSendFailure.ConversationBlockedByUser)]
    [InlineData("{\"errorCode\":209,\"message\":\"{\\\"subCode\\\":\\\"MessageWritesBlocked\\\",\\\"details\\\":\\\"Thread is blocked\\\"}\"}", TeamsSendFailure.MessageWritesBlocked)]
    [InlineData("{\"error\":{\"code\":\"BotDisabledByAdmin\"}}", TeamsSendFailure.BotDisabledByAdmin)]
    [InlineData("BotNotInConversationRoster", TeamsSendFailure.BotNotInConversationRoster)]
    [InlineData("{\"error\":{\"code\":\"Forbidden\"}}", TeamsSendFailure.None)]
    [InlineData("", TeamsSendFailure.None)]
    public void Classify_403Body_RecognisesUnreachable(string body, TeamsSendFailure expected)
    {
        Assert.Equal(expected, TeamsErrorClassifier.Classify(403, body));
    }

    [Fact]
    public void Classify_Non403_IsNone()
    {
        Assert.Equal(TeamsSendFailure.None, TeamsErrorClassifier.Classify(404, "{\"error\":{\"code\":\"BotNotInConversationRoster\"}}"));
        Assert.False(TeamsErrorClassifier.IsUnreachable(TeamsSendFailure.None));
        Assert.True(TeamsErrorClassifier.IsUnreachable(TeamsSendFailure.MessageWritesBlocked));
    }
}

public sealed class TeamsActivityExtensionsTests
{
    [Theory]
    [InlineData("<at>Coach</at> my back hurts", "my back hurts")]
    [InlineData("hi <at id=\"28:abc\">Coach Bot</at>, two  words", "hi , two words")]
    [InlineData("<AT>Coach</AT>", "")]
    [InlineData(null, "")]
    [InlineData("no mention", "no mention")]
    public void StripMentions_Text_RemovesAtTags(string? text, string expected)
    {
        Assert.Equal(expected, TeamsActivityExtensions.StripMentions(text));
    }

    [Fact]
    public void GetTenantId_ChannelData_WinsOverConversation()
    {
        var activity = new Activity
        {
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = "t-1" } }),
            Conversation = new ConversationAccount("a:1") { TenantId = "t-2" },
        };

        Assert.Equal("t-1", activity.GetTenantId());
    }

    [Fact]
    public void GetTenantId_OnlyConversation_UsesIt()
    {
        Assert.Equal("t-2", new Activity { Conversation = new ConversationAccount("a:1") { TenantId = "t-2" } }.GetTenantId());
        Assert.Null(new Activity().GetTenantId());
    }
}
