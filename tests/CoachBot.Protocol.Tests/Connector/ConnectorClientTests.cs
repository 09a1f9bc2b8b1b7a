using System.Net;
using System.Net.Http.Headers;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace CoachBot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private readonly TimerCountingTimeProvider _time = new();
    private RecordingConnector _server = null!;

    public async Task InitializeAsync() => _server = await RecordingConnector.StartAsync("/amer/tenant-1/");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ConnectorClient CreateSut(string? token = null, int maxRetries = 3) =>
        new(new SimpleFactory(), new FixedToken(token), Options.Create(new ConnectorOptions { MaxRetries = maxRetries }), _time, NullLogger<ConnectorClient>.Instance);

    private Activity Reply(string? replyToId = "act:1|x") => new()
    {
        Type = ActivityTypes.Message,
        Text = "hello",
        ServiceUrl = _server.ServiceUrl,
        Conversation = new ConversationAccount("a:conv;messageid=1"),
        ReplyToId = replyToId,
    };

    [Fact]
    public async Task SendActivity_WithReplyToId_PostsToReplyUrlUnderTheBasePath()
    {
        var response = await CreateSut().SendActivityAsync(Reply());

        var request = Assert.Single(_server.Received);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("/amer/tenant-1/v3/conversations/", request.Path, StringComparison.Ordinal);
        Assert.Equal("a:conv;messageid=1", request.ConversationId);
        Assert.Equal("act:1|x", request.ReplyToId);
        Assert.Equal("hello", request.Activity!.Text);
        Assert.StartsWith("srv-", response.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendActivity_WithoutReplyToId_PostsToConversation()
    {
        await CreateSut().SendActivityAsync(Reply(replyToId: null));

        var request = Assert.Single(_server.Received);
        Assert.EndsWith("/activities", request.Path, StringComparison.Ordinal);
        Assert.Null(request.ReplyToId);
    }

    [Fact]
    public async Task SendActivity_TokenProvided_SendsBearerHeader_AnonymousSendsNone()
    {
        await CreateSut("tok-123").SendActivityAsync(Reply());
        await CreateSut().SendActivityAsync(Reply());

        Assert.Equal("Bearer tok-123", _server.Received[0].Authorization);
        Assert.Null(_server.Received[1].Authorization);
    }

    [Fact]
    public async Task SendActivity_429WithRetryAfter_WaitsThatLongThenRetries()
    {
        _server.EnqueueResponse(HttpStatusCode.TooManyRequests, """{"error":{"code":"Throttled"}}""", TimeSpan.FromSeconds(7));

        var send = CreateSut().SendActivityAsync(Reply());
        await _server.WaitForRequestsAsync(1).WaitAsync(TimeSpan.FromSeconds(30));
        await _time.WaitForActiveTimersAsync(1).WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Single(_server.Received); // still waiting: Retry-After is 7 s
        _time.Advance(TimeSpan.FromSeconds(1));
        var response = await send.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, _server.Received.Count);
        Assert.NotNull(response.Id);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task SendActivity_RetryableStatus_IsRetried(HttpStatusCode status)
    {
        _server.EnqueueResponse(status, retryAfter: TimeSpan.Zero);

        var response = await CreateSut().SendActivityAsync(Reply()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, _server.Received.Count);
        Assert.NotNull(response.Id);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task SendActivity_5xxAfterAccepting_IsNotPostedTwice(HttpStatusCode status)
    {
        _server.EnqueueResponse(status, """{"error":{"code":"ServiceError","message":"oops"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => CreateSut().SendActivityAsync(Reply()));

        Assert.Single(_server.Received);
        Assert.Equal(status, error.StatusCode);
        Assert.True(error.MayHaveBeenDelivered);
        Assert.Equal("ServiceError", error.ErrorCode);
    }

    [Fact]
    public async Task SendActivity_403Roster_IsNotRetriedAndCarriesTheCode()
    {
        _server.EnqueueResponse(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"not in roster"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => CreateSut().SendActivityAsync(Reply()));

        Assert.Single(_server.Received);
        Assert.Equal("BotNotInConversationRoster", error.ErrorCode);
        Assert.False(error.MayHaveBeenDelivered);
    }

    [Fact]
    public async Task SendActivity_429BeyondMaxRetries_FailsWithThrottled()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.EnqueueResponse(HttpStatusCode.TooManyRequests, """{"error":{"code":"Throttled"}}""", TimeSpan.Zero);
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() => CreateSut(maxRetries: 2).SendActivityAsync(Reply()));

        Assert.Equal(3, _server.Received.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("Throttled", error.ErrorCode);
    }

    [Fact]
    public async Task SendActivity_EmptySuccessBody_MeansSentWithUnknownId()
    {
        _server.EnqueueResponse(HttpStatusCode.OK);

        var response = await CreateSut().SendActivityAsync(Reply());

        Assert.Null(response.Id);
    }

    [Fact]
    public async Task SendActivity_ConnectionRefused_IsReportedAsNotDelivered()
    {
        var deadUrl = _server.ServiceUrl;
        await _server.DisposeAsync();
        _server = await RecordingConnector.StartAsync();
        var activity = Reply();
        activity.ServiceUrl = deadUrl;

        var error = await Assert.ThrowsAsync<ConnectorException>(() => CreateSut(maxRetries: 0).SendActivityAsync(activity));

        Assert.False(error.MayHaveBeenDelivered);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task CreateConversation_PostsParametersAndReadsTheId()
    {
        var created = await CreateSut().CreateConversationAsync(_server.ServiceUrl, new ConversationParameters { Members = [new ChannelAccount("29:u")], TenantId = "t1" });

        var request = Assert.Single(_server.Received);
        Assert.EndsWith("/amer/tenant-1/v3/conversations", request.Path, StringComparison.Ordinal);
        Assert.Equal("t1", request.Parameters!.TenantId);
        Assert.StartsWith("conv-", created.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, null, 5)]
    [InlineData(null, 30, 30)]
    [InlineData(null, -10, 0)]
    public void GetRetryAfter_DeltaOrDate_GivesTheDelay(int? deltaSeconds, int? dateOffsetSeconds, int expectedSeconds)
    {
        var header = deltaSeconds is { } d
            ? new RetryConditionHeaderValue(TimeSpan.FromSeconds(d))
            : new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(dateOffsetSeconds!.Value));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ConnectorRetryPolicy.GetRetryAfter(header, _time));
    }

    [Fact]
    public void ShouldRetry_RetryAfterLongerThanAllowed_GivesUp()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(5));

        Assert.False(ConnectorRetryPolicy.ShouldRetry(Outcome.FromResult(response), TimeSpan.FromSeconds(60), _time));
    }

    private sealed class SimpleFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private sealed class FixedToken(string? token) : IOutboundTokenProvider
    {
        public Task<string?> GetTokenAsync(string serviceUrl, CancellationToken cancellationToken = default) => Task.FromResult(token);
    }
}
