using System.Net;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Protocol.Tests.Connector;

/// <summary>
/// Replacing a sent activity (<c>PUT v3/conversations/{id}/activities/{activityId}</c>): the URL, the retries of an
/// idempotent call, and in a turn: it goes out after the commit and the replies, and a refused update changes nothing else.
/// </summary>
public sealed class UpdateActivityTests : IAsyncLifetime
{
    private readonly TimerCountingTimeProvider _time = new();
    private RecordingConnector _server = null!;

    public async Task InitializeAsync() => _server = await RecordingConnector.StartAsync("/amer/tenant-1/");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ConnectorClient CreateSut(int maxRetries = 3) =>
        new(new SimpleFactory(), new NoToken(), Options.Create(new ConnectorOptions { MaxRetries = maxRetries }), _time, NullLogger<ConnectorClient>.Instance);

    private Activity Update(string? id = "1485983408511") => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Text = "Check-in sent",
        ServiceUrl = _server.ServiceUrl,
        Conversation = new ConversationAccount("a:conv;messageid=1"),
    };

    [Fact]
    public async Task UpdateActivity_PutsTheWholeActivity_ToItsUrlUnderTheBasePath()
    {
        var response = await CreateSut().UpdateActivityAsync(Update());

        var request = Assert.Single(_server.Received);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/amer/tenant-1/v3/conversations/a%3Aconv%3Bmessageid%3D1/activities/1485983408511", request.RawTarget);
        Assert.Equal("1485983408511", request.ReplyToId); // the activity id segment
        Assert.Equal("Check-in sent", request.Activity!.Text);
        Assert.NotNull(response.Id);
    }

    [Fact]
    public async Task UpdateActivity_WithoutAnId_IsRefusedBeforeAnyCall()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().UpdateActivityAsync(Update(id: null)));

        Assert.Empty(_server.Received);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task UpdateActivity_ThrottledOrServerError_IsRetried_BecauseAReplacementIsIdempotent(HttpStatusCode status)
    {
        _server.EnqueueResponse(status, retryAfter: TimeSpan.Zero);

        await CreateSut().UpdateActivityAsync(Update()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, _server.Received.Count);
        Assert.All(_server.Received, r => Assert.Equal("PUT", r.Method));
    }

    [Fact]
    public async Task SendActivity_500_IsStillNotRetried()
    {
        _server.EnqueueResponse(HttpStatusCode.InternalServerError);

        await Assert.ThrowsAsync<ConnectorException>(() => CreateSut().SendActivityAsync(Update(id: null)));

        Assert.Single(_server.Received); // a POST could be posted twice
    }

    [Fact]
    public async Task UpdateActivity_NotFound_ThrowsWithTheStatus_AndIsNotRetried()
    {
        _server.EnqueueResponse(HttpStatusCode.NotFound, """{"error":{"code":"ActivityNotFound","message":"no such activity"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => CreateSut().UpdateActivityAsync(Update()));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task InATurn_TheUpdateGoesOutAfterTheReplies_AddressedToTheConversation()
    {
        await using var adapter = TestAdapter.Create<UpdatingBot>();
        var updatesBeforeEachReply = new List<int>();
        adapter.Connector.BeforeSend = (sent, _) =>
        {
            if (sent.Type == ActivityTypes.Message)
            {
                updatesBeforeEachReply.Add(adapter.Connector.Updates.Count);
            }

            return Task.CompletedTask;
        };

        var message = adapter.MakeMessage("done");
        message.ReplyToId = "card-7";
        await adapter.SendActivityAsync(message);

        Assert.Equal("Thanks!", adapter.GetNextReply()!.Text);
        Assert.Equal([0], updatesBeforeEachReply);
        var update = Assert.Single(adapter.Connector.Updates);
        Assert.Equal("card-7", update.Id);
        Assert.Equal("Sent", update.Text);
        Assert.Null(update.ReplyToId);
        Assert.Equal(message.Conversation!.Id, update.Conversation!.Id);
        Assert.Equal(message.Recipient!.Id, update.From!.Id);
        Assert.Equal(message.ServiceUrl, update.ServiceUrl);
    }

    [Fact]
    public async Task InATurn_ARefusedUpdate_IsNotThrown_AndTheStateAndRepliesStand()
    {
        await using var adapter = TestAdapter.Create<UpdatingBot>();
        adapter.Connector.FailUpdateWith = _ => new ConnectorException("server error") { StatusCode = HttpStatusCode.InternalServerError };

        var message = adapter.MakeMessage("done");
        message.ReplyToId = "card-7";
        await adapter.SendActivityAsync(message);
        await adapter.SendActivityAsync(adapter.MakeMessage("again"));

        Assert.Equal("Thanks!", adapter.GetNextReply()!.Text);
        Assert.Equal("Thanks!", adapter.GetNextReply()!.Text);
        Assert.Equal("count 2", adapter.Connector.Sent.Last(a => a.Type == ActivityTypes.Message).Speak);
        Assert.Empty(adapter.Connector.Updates);
    }

    /// <summary>Counts messages in conversation state, thanks, and replaces the activity the message answers.</summary>
    private sealed class UpdatingBot(ConversationState state) : Protocol.Turns.IBot
    {
        private readonly Protocol.State.IStatePropertyAccessor<int> _count = state.CreateProperty<int>("count");

        public async Task OnTurnAsync(Protocol.Turns.ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await _count.SetAsync(turnContext, count, cancellationToken);
            await turnContext.SendActivitiesAsync([new Activity { Type = ActivityTypes.Message, Text = "Thanks!", Speak = "count " + count }], cancellationToken);
            if (turnContext.Activity.ReplyToId is { } cardId)
            {
                await turnContext.UpdateActivityAsync(new Activity { Type = ActivityTypes.Message, Id = cardId, Text = "Sent" }, cancellationToken);
            }
        }
    }

    private sealed class SimpleFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private sealed class NoToken : IOutboundTokenProvider
    {
        public Task<string?> GetTokenAsync(string serviceUrl, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
    }
}
