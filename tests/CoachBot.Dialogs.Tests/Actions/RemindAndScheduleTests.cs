using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Actions;

/// <summary>"Remind me later" writes RemindLaterAt; "change my check-in time" re-runs the schedule and saves it.</summary>
public sealed class RemindAndScheduleTests
{
    // The fake clock starts on Monday 2025-01-06 at 09:00 UTC; the seeded patient lives in UTC and checks in at 09:00.
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("In 1 hour", 1, "OK, I'll remind you in 1 hour.")]
    [InlineData("In 2 hours", 2, "OK, I'll remind you in 2 hours.")]
    [InlineData("hmm whatever", 2, "OK, I'll remind you in 2 hours.")]
    public async Task RemindMeLater_PickFromButtons_OrTheDefault(string pick, int hours, string confirmation)
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        var ask = await transport.SendAsync("remind me later");
        Assert.Contains("When should I remind you", Assert.Single(ask), StringComparison.Ordinal);
        var replies = await transport.SendAsync(pick);

        Assert.Equal(confirmation, Assert.Single(replies));
        Assert.Equal(Start.AddHours(hours), (await PatientAsync(transport)).RemindLaterAt);
    }

    [Fact]
    public async Task RemindMeLater_OffersTheButtons()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        await transport.Adapter.SendTextAsync("remind me later");
        var ask = transport.Adapter.GetNextReply()!;

        Assert.Equal(["In 1 hour", "In 2 hours", "This evening", "Tomorrow"], ask.SuggestedActions!.Actions.Select(a => a.Title ?? a.Value?.ToString()));
    }

    [Theory]
    [InlineData("remind me tomorrow", "2025-01-07T09:00:00+00:00", "OK, I'll remind you the next day at 09:00.")]
    [InlineData("can you remind me tonight?", "2025-01-06T19:00:00+00:00", "OK, I'll remind you this evening at 19:00.")]
    [InlineData("remind me in 3 hours please", "2025-01-06T12:00:00+00:00", "OK, I'll remind you in 3 hours.")]
    [InlineData("Remind me in an hour", "2025-01-06T10:00:00+00:00", "OK, I'll remind you in 1 hour.")]
    [InlineData("remind me in four hours", "2025-01-06T13:00:00+00:00", "OK, I'll remind you in 4 hours.")]
    [InlineData("remind me in 10 hours", "2025-01-06T19:00:00+00:00", "OK, I'll remind you in 10 hours.")]
    public async Task RemindMe_WithATimeInTheMessage_SetsItAtOnce(string message, string expected, string confirmation)
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        var replies = await transport.SendAsync(message);

        Assert.Equal(confirmation, Assert.Single(replies));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (await PatientAsync(transport)).RemindLaterAt);
    }

    [Fact]
    public async Task RemindMeLater_DuringACheckIn_EndsItAndAsksWhen()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");

        var replies = await transport.SendAsync("Can we do this later?");
        Assert.Contains("When should I remind you", replies[^1], StringComparison.Ordinal);
        await transport.SendAsync("Tomorrow");

        Assert.Equal(new DateTimeOffset(2025, 1, 7, 9, 0, 0, TimeSpan.Zero), (await PatientAsync(transport)).RemindLaterAt);
        Assert.Empty(await CheckInDriver.EntriesAsync(transport));
        Assert.Contains("Sorry", (await transport.SendAsync("7"))[0], StringComparison.Ordinal); // the check-in is over
    }

    [Theory]
    [InlineData("change my check-in time")]
    [InlineData("Can I change my days?")]
    [InlineData("I'd like to reschedule")]
    public async Task ChangeMySchedule_RerunsTheScheduleQuestions_AndSavesThem(string message)
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        var replies = await transport.SendAsync(message);
        Assert.Equal("Let's change your check-in times.", replies[0]);
        Assert.Contains("Which days", replies[^1], StringComparison.Ordinal);
        await transport.SendAsync("Tuesday and Friday");
        var zone = await transport.SendAsync("7 pm");
        Assert.Contains("time zone", zone[^1], StringComparison.Ordinal);
        var confirm = await transport.SendAsync("London");
        Assert.Contains("Tuesday, Friday at 19:00 (Europe/London)", confirm[^1], StringComparison.Ordinal);
        await transport.SendAsync("Keep it");

        var schedule = (await PatientAsync(transport)).Schedule!;
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Friday], schedule.Days);
        Assert.Equal(new TimeOnly(19, 0), schedule.LocalTime);
        Assert.Equal("Europe/London", schedule.TimeZone);
    }

    [Fact]
    public async Task ChangeMyTime_DuringACheckIn_StartsTheScheduleInstead()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("3");

        var replies = await transport.SendAsync("change my time");

        Assert.Contains("Which days", replies[^1], StringComparison.Ordinal);
    }

    private static async Task<PatientRecord> PatientAsync(ITranscriptTransport transport) =>
        (await transport.Services.GetRequiredService<IPatientRepository>().GetAsync(PatientId.From("test", "user-1")))!;
}
