using System.Net;
using CoachBot.Protocol.Connector;

namespace CoachBot.Protocol.Tests.Connector;

public class ConnectorErrorParserTests
{
    [Theory]
    [InlineData("""{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""", "BotNotInConversationRoster", null, "The bot is not part of the conversation roster.")]
    [InlineData("""{"message":"Authorization has been denied for this request."}""", null, null, "Authorization has been denied for this request.")]
    [InlineData("""{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"Thread is blocked\"}"}""", "209", "MessageWritesBlocked", "{\"subCode\":\"MessageWritesBlocked\",\"details\":\"Thread is blocked\"}")]
    [InlineData("""{"error":{"code":"Throttled"}}""", "Throttled", null, null)]
    [InlineData("""{"error":"bad things"}""", null, null, "bad things")]
    [InlineData("<html>Bad Gateway</html>", null, null, "<html>Bad Gateway</html>")]
    [InlineData("[1,2]", null, null, "[1,2]")]
    [InlineData("", null, null, null)]
    public void Parse_KnownAndOddBodies_AreReadLeniently(string body, string? code, string? subCode, string? message)
    {
        var (actualCode, actualSubCode, actualMessage) = ConnectorErrorParser.Parse(body);

        Assert.Equal(code, actualCode);
        Assert.Equal(subCode, actualSubCode);
        Assert.Equal(message, actualMessage);
    }

    [Fact]
    public void Create_CarriesStatusCodeAndCorrelation()
    {
        var error = ConnectorErrorParser.Create("ReplyToActivity", HttpStatusCode.Forbidden, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""", "op-1", mayHaveBeenDelivered: false);

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("ConversationBlockedByUser", error.ErrorCode);
        Assert.Equal("op-1", error.CorrelationId);
        Assert.False(error.MayHaveBeenDelivered);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConversationBlockedByUser", error.Message, StringComparison.Ordinal);
    }
}
