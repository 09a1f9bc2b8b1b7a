using System.Net;
using CoachBot.Protocol.Connector;
using CoachBot.Reliability.Tests.Support;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Reliability.Tests.Faults;

/// <summary>
/// The whole host (real dialogs, real connector client) against a connector stand-in that misbehaves. A fresh
/// patient's first message is answered with the same replies in two conversations: one where the connector behaves
/// (the baseline) and one with the fault. Counting at the stand-in shows what was retried, what was never doubled,
/// and what was recorded in the <see cref="DeliveryFailureLog"/>.
/// </summary>
public sealed class ConnectorFaultTests : IAsyncLifetime
{
    private RecordingConnector _connector = null!;
    private InProcessHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync("/faults/");
        _host = InProcessHost.Create();
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 1)]
    [InlineData(HttpStatusCode.TooManyRequests, null)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null)]
    public async Task ThrottledOrUnavailable_IsRetried_AndEveryReplyArrivesOnce(HttpStatusCode status, int? retryAfterSeconds)
    {
        var baseline = await FirstRepliesAsync("baseline");
        Assert.NotEmpty(baseline);

        _connector.EnqueueResponse(status, retryAfter: retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
        var (httpStatus, _) = await _host.SendMessageAsync(_client, _connector, "throttled", "hello", user: "throttled-user");

        Assert.Equal(200, httpStatus);
        var received = TextsReceived("throttled");
        Assert.Equal([baseline[0], .. baseline], received); // the refused first reply once more, then the rest once each
        Assert.Empty(FailuresOf("throttled"));
    }

    [Fact]
    public async Task RetryAfterLongerThanAllowed_IsNotWaitedFor_AndRecorded()
    {
        var baseline = await FirstRepliesAsync("baseline");

        _connector.EnqueueResponse(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMinutes(5));
        var (httpStatus, _) = await _host.SendMessageAsync(_client, _connector, "throttled-long", "hello", user: "throttled-long-user");

        Assert.Equal(200, httpStatus);
        Assert.Equal([baseline[0]], TextsReceived("throttled-long"));
        var failures = FailuresOf("throttled-long");
        Assert.Equal(baseline.Count, failures.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, failures[0].Error.StatusCode);
        Assert.False(failures[0].Error.MayHaveBeenDelivered);
    }

    [Fact]
    public async Task ServerError_IsNotRetried_SoNeverDoubled_AndEveryUnsentReplyIsRecorded()
    {
        var baseline = await FirstRepliesAsync("baseline");

        _connector.EnqueueResponse(HttpStatusCode.InternalServerError, "{\"error\":{\"code\":\"ServiceError\",\"message\":\"boom\"}}");
        var (httpStatus, _) = await _host.SendMessageAsync(_client, _connector, "server-error", "hello", user: "server-error-user");

        Assert.Equal(200, httpStatus);
        Assert.Equal([baseline[0]], TextsReceived("server-error"));
        var failures = FailuresOf("server-error");
        Assert.Equal(baseline.Count, failures.Count);
        Assert.True(failures[0].Error.MayHaveBeenDelivered);
        Assert.False(failures[0].NotAttempted);
        Assert.All(failures.Skip(1), f => Assert.True(f.NotAttempted));
        Assert.Equal(baseline, failures.Select(f => f.Activity.Text ?? string.Empty));
    }

    [Fact]
    public async Task ConnectorTimesOut_TheReplyIsNotSentTwice_AndIsRecordedAsMaybeDelivered()
    {
        await using var slow = await SlowConnector.StartAsync(TimeSpan.FromSeconds(30));
        await using var host = InProcessHost.Create(null, ("Bot:Connector:Timeout", "00:00:01"));
        using var client = host.CreateClient();

        var activity = new
        {
            type = "message",
            id = "timeout-1",
            channelId = "test",
            serviceUrl = slow.ServiceUrl,
            conversation = new { id = "timeout" },
            from = new { id = "timeout-user" },
            recipient = new { id = "bot" },
            text = "hello",
        };
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(System.Text.Json.JsonSerializer.Serialize(activity), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, slow.Requests);
        var failures = host.Services.GetRequiredService<DeliveryFailureLog>().Failures.Where(f => f.Activity.Conversation?.Id == "timeout").ToList();
        Assert.NotEmpty(failures);
        Assert.True(failures[0].Error.MayHaveBeenDelivered);
        Assert.Contains("timed out", failures[0].Error.Message, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> FirstRepliesAsync(string conversationId)
    {
        var existing = TextsReceived(conversationId);
        if (existing.Count > 0)
        {
            return existing;
        }

        var (status, _) = await _host.SendMessageAsync(_client, _connector, conversationId, "hello", user: conversationId + "-user");
        Assert.Equal(200, status);
        return TextsReceived(conversationId);
    }

    private List<string> TextsReceived(string conversationId) =>
        _connector.Received.Where(r => r.ConversationId == conversationId && r.Activity?.Type == "message").Select(r => r.Activity!.Text ?? string.Empty).ToList();

    private List<DeliveryFailure> FailuresOf(string conversationId) =>
        _host.Services.GetRequiredService<DeliveryFailureLog>().Failures.Where(f => f.Activity.Conversation?.Id == conversationId).ToList();
}
