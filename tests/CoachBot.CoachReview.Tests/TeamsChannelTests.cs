using CoachBot.CoachReview.Teams;
using CoachBot.CoachReview.Tests.Support;
using CoachBot.Coaching.Policy;
using CoachBot.Records;
using CoachBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.CoachReview.Tests;

public sealed class TeamsChannelTests : IAsyncLifetime, IDisposable
{
    private RecordingConnector _connector = null!;
    private CoachHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync("/teams/");
        _host = new CoachHost(
            ("Coaches:TeamsChannel:ConversationId", "19:coaches@thread.tacv2"),
            ("Coaches:TeamsChannel:ServiceUrl", _connector.ServiceUrl),
            ("Coaches:TeamsChannel:TenantId", "tenant-1"),
            ("Coaches:TeamsChannel:CoachPageUrl", "https://coachbot.example.org"));
        await _host.AddPatientAsync();
    }

    public void Dispose() => _host?.Dispose();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task NewEmergencyAndUrgent_ArePostedOnce_RoutineAndOldOnesAreNot()
    {
        var now = _host.Time.GetUtcNow();
        var emergency = await _host.RaiseAsync("webchat-p1", Escalation.Emergency, now.AddMinutes(-1), "RF-1");
        await _host.RaiseAsync("webchat-p1", Escalation.Urgent, now.AddMinutes(-2), "RF-2");
        await _host.RaiseAsync("webchat-p1", Escalation.Routine, now.AddMinutes(-3), "COACH-REQUEST");
        await _host.RaiseAsync("webchat-p1", Escalation.Emergency, now.AddDays(-3), "DS-1");
        var notifier = _host.Get<CoachChannelNotifier>();

        var first = await notifier.PostNewAsync();
        var second = await notifier.PostNewAsync();

        Assert.Equal((2, 0), (first, second));
        var posts = _connector.Messages;
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("19:coaches@thread.tacv2", p.Conversation!.Id));
        Assert.All(posts, p => Assert.Equal("tenant-1", p.Conversation!.TenantId));
        Assert.Contains(posts, p => p.Text!.StartsWith("EMERGENCY escalation for patient webchat-p1 (RF-1)", StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Text!.StartsWith("URGENT escalation", StringComparison.Ordinal));
        Assert.Contains("https://coachbot.example.org/coach/patients/webchat-p1", posts[0].Text, StringComparison.Ordinal);
        Assert.All(posts, p => Assert.DoesNotContain("I can't feel my bottom", p.Text, StringComparison.Ordinal));
        Assert.All(_connector.Received, r => Assert.StartsWith("/teams/v3/conversations/19", r.Path, StringComparison.Ordinal));
        Assert.NotNull(emergency);
    }

    [Fact]
    public async Task FailedPost_IsRetriedAtTheNextPoll()
    {
        await _host.RaiseAsync("webchat-p1", Escalation.Urgent, _host.Time.GetUtcNow(), "RF-4");
        _connector.EnqueueResponse(System.Net.HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"no"}}""");
        var notifier = _host.Get<CoachChannelNotifier>();

        Assert.Equal(0, await notifier.PostNewAsync());
        Assert.Equal(1, await notifier.PostNewAsync());
        Assert.Equal(0, await notifier.PostNewAsync());
        Assert.Equal(2, _connector.Messages.Count); // the refused post and the retry
    }

    [Fact]
    public async Task WithoutAChannel_NothingIsPosted()
    {
        await using var host = new CoachHost();
        await host.AddPatientAsync();
        await host.RaiseAsync("webchat-p1", Escalation.Emergency, host.Time.GetUtcNow(), "RF-1");

        Assert.Equal(0, await host.Get<CoachChannelNotifier>().PostNewAsync());
        Assert.Empty(_connector.Received);
    }

    [Theory]
    [InlineData("Coaches:TeamsChannel:ServiceUrl", "not a url", "Coaches:TeamsChannel:ServiceUrl")]
    [InlineData("Coaches:TimeZone", "Mars/Olympus", "Coaches:TimeZone")]
    [InlineData("Coaches:MinPasswordLength", "4", "Coaches:MinPasswordLength")]
    public void BadSettings_FailValidation_NamingTheKey(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Coaches:TeamsChannel:ConversationId"] = "19:x",
            ["Coaches:TeamsChannel:ServiceUrl"] = "https://smba.example/emea/",
            [key] = value,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddCoachReview(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CoachReviewOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
