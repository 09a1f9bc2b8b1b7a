using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Dialogs;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Storage.Records;
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

    private List<string> Messages() =>
        [.. _connector.Sent.Where(a => a.Type == ActivityTypes.Message).Select(a => a.Text ?? string.Empty)];

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
