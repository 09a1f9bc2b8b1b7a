using System.Net;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Dialogs;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Scheduling.Tests;

/// <summary>The scheduler wired as the host wires it, starting the real CoachBotBot check-in.</summary>
public sealed class RealBotTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingConnectorClient _connector = new();
    private readonly ServiceProvider _services;

    public RealBotTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IStorage>(new MemoryStorage());
        services.AddSingleton<IConnectorClient>(_connector);
        services.AddCoachBotDialogs(Path.Combine(AppContext.BaseDirectory, "content"));
        services.AddBotRuntime();
        services.AddCoachBotScheduling(sp => sp.GetRequiredService<CoachBotBot>().BeginCheckInAsync);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public async Task Poll_OnboardedPatient_RealBotAsksTheFirstCheckInQuestion_Once_ThenTheReminder()
    {
        var scheduler = _services.GetRequiredService<CheckInScheduler>();
        var content = _services.GetRequiredService<CoachBotContent>().Messages;
        await AddPatientAsync();
        await scheduler.ReconcileAsync();

        _time.SetUtcNow(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var first = await scheduler.PollOnceAsync();
        var second = await scheduler.PollOnceAsync();
        var checkIn = Messages();
        _time.SetUtcNow(new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero));
        await scheduler.PollOnceAsync();
        var reminder = Messages().Skip(checkIn.Count).ToList();

        Assert.Equal((1, 0), (first.Sent, second.Sent));
        Assert.Contains(content.Get(MessageKeys.Checkin.AskPainNow), checkIn);
        Assert.All(checkIn, text => Assert.Equal("conv-1", _connector.Sent.First(a => a.Text == text).Conversation!.Id));
        var text = Assert.Single(reminder);
        Assert.Contains(text, content.GetVariants(MessageKeys.Checkin.Reminder));
    }

    [Fact]
    public async Task Poll_FirstQuestionThrottled_TheRetryAsksIt_Once()
    {
        var scheduler = _services.GetRequiredService<CheckInScheduler>();
        var ask = _services.GetRequiredService<CoachBotContent>().Messages.Get(MessageKeys.Checkin.AskPainNow);
        await AddPatientAsync();
        await scheduler.ReconcileAsync();
        var attempts = 0;
        _connector.FailWith = _ => ++attempts == 1 ? new ConnectorException("slow down") { StatusCode = HttpStatusCode.TooManyRequests, ErrorCode = "Throttled" } : null;

        // The check-in turn commits (the dialog now waits for the pain score), then its replies meet a 429.
        _time.SetUtcNow(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var throttled = await scheduler.PollOnceAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var retried = await scheduler.PollOnceAsync();

        Assert.Equal((0, 1), (throttled.Sent, throttled.Deferred));
        Assert.Equal(1, retried.Sent);
        Assert.Equal(1, Messages().Count(m => m.Contains(ask, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Poll_CheckInAskedButNotAnswered_TheNextSlotStartsItAfresh()
    {
        var scheduler = _services.GetRequiredService<CheckInScheduler>();
        var ask = _services.GetRequiredService<CoachBotContent>().Messages.Get(MessageKeys.Checkin.AskPainNow);
        await AddPatientAsync();
        await scheduler.ReconcileAsync();

        _time.SetUtcNow(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        await scheduler.PollOnceAsync();
        _time.SetUtcNow(new DateTimeOffset(2025, 1, 13, 9, 0, 0, TimeSpan.Zero));
        await scheduler.ReconcileAsync();
        var nextWeek = await scheduler.PollOnceAsync();

        Assert.Equal(1, nextWeek.Sent);
        Assert.Equal(2, Messages().Count(m => m.Contains(ask, StringComparison.Ordinal)));
    }

    private async Task AddPatientAsync()
    {
        var id = PatientId.From(Channels.Test, "user-1");
        await _services.GetRequiredService<IConversationReferenceStore>().SaveAsync(id, TestAdapter.CreateReference("conv-1", "user-1"));
        await _services.GetRequiredService<IPatientRepository>().SaveAsync(new PatientRecord
        {
            PatientId = id,
            ChannelId = Channels.Test,
            UserId = "user-1",
            Name = "Sam",
            Consent = true,
            Onboarded = true,
            Program = StarterProgram.Create(StartBackRisk.Medium),
            LastRedFlagScreenOn = new DateOnly(2025, 1, 6),
            Schedule = new CheckInSchedule { Days = [DayOfWeek.Monday], LocalTime = new TimeOnly(9, 0), TimeZone = "Europe/London" },
        });
    }

    private List<string> Messages() =>
        [.. _connector.Sent.Where(a => a.Type == ActivityTypes.Message).Select(a => a.Text ?? string.Empty)];

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
