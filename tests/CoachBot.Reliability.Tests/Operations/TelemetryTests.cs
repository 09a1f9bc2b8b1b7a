using System.Net;
using System.Security.Claims;
using System.Text;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Records;
using CoachBot.Reliability.Tests.Support;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Reliability.Tests.Operations;

/// <summary>The instruments record what happens: turns and their latency, decisions, escalations, sends, retries, conflicts.</summary>
[Collection(SerialTelemetryTests.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync("/telemetry/");

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task MessageTurns_AreCountedAndTimed_WithATurnSpanAroundTheConnectorSpan()
    {
        await using var host = InProcessHost.Create();
        using var client = host.CreateClient();
        using var recorder = new TelemetryRecorder(host.Services.GetRequiredService<BotMetrics>());

        var (first, firstId) = await host.SendMessageAsync(client, _connector, "metrics-1", "hello");
        var (second, _) = await host.SendMessageAsync(client, _connector, "metrics-1", "help");

        Assert.Equal(200, first);
        Assert.Equal(200, second);
        var message = new[] { ("coachbot.activity.type", "message"), ("coachbot.channel", "test"), ("coachbot.outcome", "ok") };
        Assert.Equal(2, recorder.Sum("coachbot.turns", message));
        var durations = recorder.Of("coachbot.turn.duration", message);
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.True(d.Value > 0));
        Assert.Equal(_connector.Messages.Count(m => m.Conversation?.Id == "metrics-1"), recorder.Sum("coachbot.deliveries", ("coachbot.outcome", "sent")));

        var turn = Assert.Single(recorder.Spans, s => s.OperationName == "coachbot.turn" && Equals(s.GetTagItem("coachbot.activity.id"), firstId));
        Assert.Equal("message", turn.GetTagItem("coachbot.activity.type"));
        Assert.Equal("ok", turn.GetTagItem("coachbot.outcome"));
        Assert.Contains(recorder.Spans, s => s.OperationName == "coachbot.connector" && s.TraceId == turn.TraceId && s.ParentSpanId == turn.SpanId);
    }

    [Fact]
    public async Task CrisisMessage_CountsOneEscalationByLevel()
    {
        await using var host = InProcessHost.Create();
        using var client = host.CreateClient();
        using var recorder = new TelemetryRecorder(host.Services.GetRequiredService<BotMetrics>());

        await host.SendMessageAsync(client, _connector, "metrics-crisis", "I want to kill myself");

        Assert.Equal(1, recorder.Sum("coachbot.escalations", ("coachbot.escalation.level", "urgent")));
        Assert.Equal(1, recorder.Sum("coachbot.escalations"));
    }

    [Fact]
    public async Task Decision_IsCountedOnce_WhenAConflictReRunsTheTurn_AndNotAtAllWhenTheTurnNeverCommits()
    {
        var storage = new FaultyStorage(new MemoryStorage()) { ConflictKeyPrefix = "checkins/" };
        await using var host = InProcessHost.Create(services => services.AddSingleton<IStorage>(storage));
        using var recorder = new TelemetryRecorder(host.Services.GetRequiredService<BotMetrics>());
        var adapter = host.Services.GetRequiredService<BotAdapter>();
        var checkIns = host.Services.GetRequiredService<ICheckInRepository>();

        storage.ConflictsToInject = 1;
        await adapter.ProcessActivityAsync(Message("decision-1", 1), new ClaimsIdentity("test"), StageCheckIn(checkIns, "patient-1", 1));

        Assert.Equal(1, recorder.Sum("coachbot.decisions", ("coachbot.decision", "hold")));
        Assert.Equal(1, recorder.Sum("coachbot.state.conflicts"));
        Assert.Single(await checkIns.ListAsync("patient-1"));

        storage.ConflictsToInject = 10; // more than the turn's attempts: it is reported, nothing is stored
        await adapter.ProcessActivityAsync(Message("decision-2", 2), new ClaimsIdentity("test"), StageCheckIn(checkIns, "patient-2", 1));

        storage.ConflictsToInject = 0;
        Assert.Empty(await checkIns.ListAsync("patient-2"));
        Assert.Equal(1, recorder.Sum("coachbot.decisions"));
        Assert.Equal(1, recorder.Sum("coachbot.turn.errors", ("error.type", nameof(StorageConflictException))));
    }

    [Fact]
    public async Task ConnectorRetries_AndProactiveSends_AreCountedByOutcome()
    {
        await using var host = InProcessHost.Create();
        using var client = host.CreateClient();
        using var recorder = new TelemetryRecorder(host.Services.GetRequiredService<BotMetrics>());
        var adapter = host.Services.GetRequiredService<BotAdapter>();
        var reference = new ConversationReference
        {
            ChannelId = "test",
            ServiceUrl = _connector.ServiceUrl,
            Conversation = new ConversationAccount("metrics-proactive"),
            Bot = new ChannelAccount("bot"),
            User = new ChannelAccount("proactive-user"),
        };

        _connector.EnqueueResponse(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero);
        await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(Activity.CreateMessage("Time for your check-in."), ct));
        _connector.EnqueueResponse(HttpStatusCode.InternalServerError);
        await Assert.ThrowsAsync<DeliveryFailedException>(() => adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(Activity.CreateMessage("Time for your check-in."), ct)));

        Assert.Equal(1, recorder.Sum("coachbot.connector.retries", ("http.response.status_code", "429")));
        Assert.Equal(1, recorder.Sum("coachbot.proactive.sends", ("coachbot.outcome", "sent")));
        Assert.Equal(1, recorder.Sum("coachbot.proactive.sends", ("coachbot.outcome", "failed")));
        Assert.Equal(1, recorder.Sum("coachbot.deliveries", ("coachbot.outcome", "failed")));
        Assert.Contains(recorder.Spans, s => s.OperationName == "coachbot.proactive" && Equals(s.GetTagItem("coachbot.outcome"), "undelivered"));
    }

    [Fact]
    public async Task OtlpEndpointSet_MetricsAndTracesArePostedAsProtobuf()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var host = InProcessHost.Create(null, ("Telemetry:OtlpEndpoint", receiver.Endpoint), ("Telemetry:MetricExportInterval", "00:00:00.200"));
        try
        {
            using var client = host.CreateClient();
            var (status, _) = await host.SendMessageAsync(client, _connector, "metrics-otlp", "hello");
            Assert.Equal(200, status);

            // The turn's span ends just after the reply; the batch exporter posts it within its 5 s delay.
            for (var waited = 0; waited < 100 && !receiver.Received.Any(r => r.Path == "/v1/traces"); waited++)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await host.DisposeAsync(); // stopping flushes the last batch
        }

        var metrics = receiver.Received.Where(r => r.Path == "/v1/metrics").ToList();
        var traces = receiver.Received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(metrics);
        Assert.NotEmpty(traces);
        Assert.All(metrics.Concat(traces), r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains(metrics, r => Contains(r.Body, "coachbot.turns") && Contains(r.Body, "coachbot.turn.duration"));
        Assert.Contains(traces, r => Contains(r.Body, "coachbot.turn") && Contains(r.Body, "coachbot"));
    }

    [Fact]
    public async Task OtlpEndpointUnset_NothingIsExported()
    {
        await using var host = InProcessHost.Create();
        _ = host.Services;

        Assert.False(host.Services.GetRequiredService<CoachBot.Host.Telemetry.TelemetryExporter>().Exporting);
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private Activity Message(string conversationId, int n) => new()
    {
        Type = ActivityTypes.Message,
        Id = conversationId + "-" + n,
        ChannelId = "test",
        ServiceUrl = _connector.ServiceUrl,
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount("user-" + conversationId),
        Recipient = new ChannelAccount("bot"),
        Text = "check-in",
    };

    private static Func<ITurnContext, CancellationToken, Task> StageCheckIn(ICheckInRepository checkIns, string patientId, int sequence) => async (turn, ct) =>
    {
        checkIns.Stage(turn, new CheckInEntry
        {
            PatientId = patientId,
            Sequence = sequence,
            RecordedAt = DateTimeOffset.UnixEpoch,
            LocalDate = new DateOnly(2026, 1, 1),
            Input = new CheckInInput { PainNow = 3 },
            Decision = Decision.Hold,
            Escalation = Escalation.None,
            MustMention = [],
            FiredRules = [],
            RuleSetVersion = "test",
        });
        await turn.SendActivityAsync(Activity.CreateMessage("Let's hold your programme this week."), ct);
    };
}
