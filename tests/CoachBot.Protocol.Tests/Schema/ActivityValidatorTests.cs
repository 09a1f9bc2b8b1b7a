using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Tests.Schema;

public class ActivityValidatorTests
{
    private static Activity Valid() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "webchat",
        ServiceUrl = "https://x.example/",
        Conversation = new ConversationAccount("c1"),
    };

    [Fact]
    public void Validate_CompleteActivity_ReturnsNull() => Assert.Null(ActivityValidator.Validate(Valid()));

    [Theory]
    [InlineData("type", "'type'")]
    [InlineData("conversation", "'conversation.id'")]
    [InlineData("conversation.id", "'conversation.id'")]
    [InlineData("channelId", "'channelId'")]
    [InlineData("serviceUrl", "'serviceUrl'")]
    [InlineData("serviceUrl.relative", "absolute http(s) URL")]
    [InlineData("serviceUrl.ftp", "absolute http(s) URL")]
    public void Validate_MissingOrBadField_NamesIt(string field, string expected)
    {
        var activity = Valid();
        switch (field)
        {
            case "type": activity.Type = " "; break;
            case "conversation": activity.Conversation = null; break;
            case "conversation.id": activity.Conversation = new ConversationAccount(); break;
            case "channelId": activity.ChannelId = null; break;
            case "serviceUrl": activity.ServiceUrl = ""; break;
            case "serviceUrl.relative": activity.ServiceUrl = "/v3/"; break;
            case "serviceUrl.ftp": activity.ServiceUrl = "ftp://x/"; break;
        }

        Assert.Contains(expected, ActivityValidator.Validate(activity), StringComparison.Ordinal);
    }
}
