using CoachBot.Protocol.Connector;

namespace CoachBot.Protocol.Tests.Connector;

public class ConnectorUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "a:17I0kl9", "1485983408511", "https://smba.trafficmanager.net/amer/v3/conversations/a%3A17I0kl9/activities/1485983408511")]
    [InlineData("https://smba.trafficmanager.net/amer", "a:1", null, "https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities")]
    [InlineData("https://smba.trafficmanager.net/amer/72f988bf-86f1/", "19:abc@thread.skype;messageid=12", "1:x|y", "https://smba.trafficmanager.net/amer/72f988bf-86f1/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D12/activities/1%3Ax%7Cy")]
    [InlineData("https://directline.botframework.com/", "DL_abc|0000001", "", "https://directline.botframework.com/v3/conversations/DL_abc%7C0000001/activities")]
    [InlineData("http://127.0.0.1:5000", "c 1/2", "a?b", "http://127.0.0.1:5000/v3/conversations/c%201%2F2/activities/a%3Fb")]
    public void Activities_KeepsBasePathAndEscapesIds(string serviceUrl, string conversationId, string? replyToId, string expected) =>
        Assert.Equal(expected, ConnectorUrls.Activities(serviceUrl, conversationId, replyToId).AbsoluteUri);

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/emea/v3/conversations")]
    public void Conversations_AppendsToBase(string serviceUrl, string expected) =>
        Assert.Equal(expected, ConnectorUrls.Conversations(serviceUrl).AbsoluteUri);

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://x/")]
    public void Activities_BadServiceUrl_Throws(string serviceUrl) =>
        Assert.ThrowsAny<ArgumentException>(() => ConnectorUrls.Activities(serviceUrl, "c"));
}
