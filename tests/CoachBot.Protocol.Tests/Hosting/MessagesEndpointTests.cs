using System.Net;
using System.Text.Json;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Protocol.Tests.Hosting;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private readonly RecordingBot _bot = new();
    private RecordingConnector _connector = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = await BotTestHost.StartAsync(services => services.AddSingleton<IBot>(_bot));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private string ValidJson(string type = "message", string extra = "") =>
        $$"""{"type":"{{type}}","id":"a1","channelId":"webchat","serviceUrl":"{{_connector.ServiceUrl}}","conversation":{"id":"c1"},"from":{"id":"u1"},"recipient":{"id":"b1"},"text":"hi"{{extra}}}""";

    [Fact]
    public async Task Post_ValidMessage_Returns200AndRunsTheBot()
    {
        using var response = await _host.PostJsonAsync(ValidJson());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["hi"], _bot.Texts);
        Assert.Equal("hi", Assert.Single(_connector.Messages).Text);
    }

    [Fact]
    public async Task Post_WithAUtf8ByteOrderMark_IsRead()
    {
        using var response = await _host.PostJsonAsync("\uFEFF" + ValidJson());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["hi"], _bot.Texts);
    }

    [Fact]
    public async Task Post_BodyLongerThanOneReadBuffer_IsReadWhole()
    {
        var text = string.Concat(Enumerable.Repeat("ache ", 20_000)); // 100 KB: several reads from the connection
        using var response = await _host.PostJsonAsync(ValidJson(extra: $$""","speak":"{{text}}" """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["hi"], _bot.Texts);
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "", "not valid activity JSON" },
        { "{", "not valid activity JSON" },
        { """{"type":"message"} trailing""", "not valid activity JSON" },
        { "not json at all", "not valid activity JSON" },
        { "[]", "not valid activity JSON" },
        { "null", "one activity JSON object" },
        { "42", "not valid activity JSON" },
        { """{"type":5}""", "not valid activity JSON" },
        { """{"type":"message","conversation":"c1"}""", "not valid activity JSON" },
        { """{"type":"message","timestamp":"yesterday"}""", "not valid activity JSON" },
        { """{"channelId":"webchat","serviceUrl":"https://x/","conversation":{"id":"c"}}""", "'type'" },
        { """{"type":"message","channelId":"webchat","serviceUrl":"https://x/"}""", "'conversation.id'" },
        { """{"type":"message","channelId":"webchat","serviceUrl":"https://x/","conversation":{}}""", "'conversation.id'" },
        { """{"type":"message","serviceUrl":"https://x/","conversation":{"id":"c"}}""", "'channelId'" },
        { """{"type":"message","channelId":"webchat","conversation":{"id":"c"}}""", "'serviceUrl'" },
        { """{"type":"message","channelId":"webchat","serviceUrl":"javascript:alert(1)","conversation":{"id":"c"}}""", "absolute http(s) URL" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_MalformedActivity_Returns400WithClearJsonError(string body, string expectedMessage)
    {
        using var response = await _host.PostJsonAsync(body);
        var error = await ReadErrorAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", error.Error!.Code);
        Assert.Contains(expectedMessage, error.Error.Message, StringComparison.Ordinal);
        Assert.Empty(_bot.Texts);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413()
    {
        var big = ValidJson(extra: $",\"speak\":\"{new string('x', 300 * 1024)}\"");

        using var response = await _host.PostJsonAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", (await ReadErrorAsync(response)).Error!.Code);
        Assert.Empty(_bot.Texts);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherVerbs_Return405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "api/messages");
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_AuthorizationHeaderWithoutAppId_Returns401()
    {
        using var response = await _host.PostJsonAsync(ValidJson(), authorization: "Bearer some.jwt.token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", (await ReadErrorAsync(response)).Error!.Code);
        Assert.Empty(_bot.Texts);
    }

    [Fact]
    public async Task Post_CallerIdFromTheWire_IsDiscarded()
    {
        using var response = await _host.PostJsonAsync(ValidJson(extra: ",\"callerId\":\"urn:botframework:azure\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([null], _bot.CallerIds);
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200WithoutRunningTheBot_A2014()
    {
        using var response = await _host.PostJsonAsync(ValidJson(type: "somethingNew"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Texts);
    }

    [Fact]
    public async Task Post_InvokeWithBotResponse_ReturnsItsStatusAndBody()
    {
        _bot.InvokeResponse = new InvokeResponse { Status = 200, Body = new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "ok" } };

        using var response = await _host.PostJsonAsync(ValidJson(type: "invoke", extra: ",\"name\":\"adaptiveCard/action\""));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("value").GetString());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Post_InvokeWithoutBotResponse_Returns501()
    {
        using var response = await _host.PostJsonAsync(ValidJson(type: "invoke", extra: ",\"name\":\"task/fetch\""));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_BotThrows_Returns200AndNever500()
    {
        _bot.Throw = true;

        using var response = await _host.PostJsonAsync(ValidJson());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<ErrorResponse> ReadErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<ErrorResponse>(await response.Content.ReadAsStringAsync(), ProtocolJson.Options)!;
    }

    private sealed class RecordingBot : IBot
    {
        public List<string?> Texts { get; } = [];

        public List<string?> CallerIds { get; } = [];

        public InvokeResponse? InvokeResponse { get; set; }

        public bool Throw { get; set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (Throw)
            {
                throw new InvalidOperationException("bot bug");
            }

            lock (Texts)
            {
                Texts.Add(turnContext.Activity.Text);
                CallerIds.Add(turnContext.Activity.CallerId);
            }

            if (turnContext.Activity.IsInvoke())
            {
                turnContext.InvokeResponse = InvokeResponse;
                return;
            }

            await turnContext.SendActivityAsync(turnContext.Activity.Text!, cancellationToken);
        }
    }
}
