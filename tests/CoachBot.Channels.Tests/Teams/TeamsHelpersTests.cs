using System.Text.Json;
using CoachBot.Channels.Teams;
using CoachBot.Protocol.Schema;

namespace CoachBot.Channels.Tests.Teams;

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
