using System.Net;
using CoachBot.Coaching.Policy;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Records;
using CoachBot.Scheduling.Tests.Support;
using CoachBot.Storage;
using CoachBot.Testing;
using Moq;

namespace CoachBot.Scheduling.Tests;

public sealed class CheckInSchedulerTests : IAsyncDisposable
{
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();
    private readonly MemoryStorage _storage = new();
    private readonly RecordingConnectorClient _connector = new();
    private readonly List<SchedulerInstance> _instances = [];
    private FakeTimeProvider _time = new(Utc(2025, 1, 6, 8));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static CheckInSchedule Daily(string zone, int hour, int minute = 0) => new() { Days = EveryDay, LocalTime = new TimeOnly(hour, minute), TimeZone = zone };

    private SchedulerInstance CreateSut(Action<SchedulerOptions>? configure = null, IStorage? storage = null, Func<ITurnContext, CancellationToken, Task>? checkIn = null)
    {
        var instance = new SchedulerInstance(storage ?? _storage, _connector, _time, configure, checkIn);
        _instances.Add(instance);
        return instance;
    }

    private static void NoQuietHours(SchedulerOptions o)
    {
        o.QuietHoursStart = null;
        o.QuietHoursEnd = null;
    }

    /// <summary>Polls every <paramref name="step"/> until <paramref name="until"/>, recording when each check-in went out.</summary>
    private async Task<List<DateTimeOffset>> RunUntilAsync(SchedulerInstance sut, DateTimeOffset until, TimeSpan step, string? userId = null)
    {
        var sentAt = new List<DateTimeOffset>();
        while (_time.GetUtcNow() < until)
        {
            _time.Advance(step);
            var before = userId is null ? Sends.Messages(_connector) : Sends.Count(_connector, userId);
            await sut.Scheduler.PollOnceAsync();
            var after = userId is null ? Sends.Messages(_connector) : Sends.Count(_connector, userId);
            for (var i = before; i < after; i++)
            {
                sentAt.Add(_time.GetUtcNow());
            }
        }

        return sentAt;
    }

    [Fact]
    public async Task Poll_DueCheckIn_SentOnceAtItsTime_ThenTheNextDay()
    {
        var sut = CreateSut();
        await sut.AddPatientAsync("ann", Daily("Europe/London", 9));
        await sut.Scheduler.ReconcileAsync();

        var early = await sut.Scheduler.PollOnceAsync();
        var sent = await RunUntilAsync(sut, Utc(2025, 1, 7, 12), TimeSpan.FromMinutes(15), "ann");

        Assert.Equal(0, early.Sent);
        Assert.Equal([Utc(2025, 1, 6, 9), Utc(2025, 1, 7, 9)], sent);
    }

    [Fact]
    public async Task Poll_LosAngelesAcrossSpringForward_SendsAtTheJumpOnTheGapDay()
    {
        _time = new FakeTimeProvider(Utc(2025, 3, 8, 0));
        var sut = CreateSut(NoQuietHours);
        await sut.AddPatientAsync("bo", Daily("America/Los_Angeles", 2, 30));
        await sut.Scheduler.ReconcileAsync();

        var sent = await RunUntilAsync(sut, Utc(2025, 3, 11, 0), TimeSpan.FromMinutes(10), "bo");

        // 02:30 PST = 10:30 UTC; on 03-09 02:30 does not exist: sent at 03:00 PDT = 10:00 UTC; then 02:30 PDT = 09:30 UTC.
        Assert.Equal([Utc(2025, 3, 8, 10, 30), Utc(2025, 3, 9, 10), Utc(2025, 3, 10, 9, 30)], sent);
    }

    [Fact]
    public async Task Poll_LondonAcrossFallBack_SendsTheRepeatedHourOnce()
    {
        _time = new FakeTimeProvider(Utc(2025, 10, 25, 0));
        var sut = CreateSut(NoQuietHours);
        await sut.AddPatientAsync("cy", Daily("Europe/London", 1, 30));
        await sut.Scheduler.ReconcileAsync();

        var sent = await RunUntilAsync(sut, Utc(2025, 10, 27, 6), TimeSpan.FromMinutes(10), "cy");

        // 01:30 BST = 00:30 UTC; on 10-26 01:30 happens twice (00:30 and 01:30 UTC): only the first; then 01:30 GMT.
        Assert.Equal([Utc(2025, 10, 25, 0, 30), Utc(2025, 10, 26, 0, 30), Utc(2025, 10, 27, 1, 30)], sent);
    }

    [Fact]
    public async Task Poll_ZonesEitherSideOfUtc_EachAtItsOwnNineOClock()
    {
        _time = new FakeTimeProvider(Utc(2025, 1, 5, 12));
        var sut = CreateSut();
        await sut.AddPatientAsync("auckland", Daily("Pacific/Auckland", 9));
        await sut.AddPatientAsync("kolkata", Daily("Asia/Kolkata", 9));
        await sut.AddPatientAsync("losangeles", Daily("America/Los_Angeles", 9));
        await sut.Scheduler.ReconcileAsync();

        var auckland = new List<DateTimeOffset>();
        var kolkata = new List<DateTimeOffset>();
        var losAngeles = new List<DateTimeOffset>();
        while (_time.GetUtcNow() < Utc(2025, 1, 6, 16))
        {
            _time.Advance(TimeSpan.FromMinutes(30));
            var counts = (Sends.Count(_connector, "auckland"), Sends.Count(_connector, "kolkata"), Sends.Count(_connector, "losangeles"));
            await sut.Scheduler.PollOnceAsync();
            if (Sends.Count(_connector, "auckland") > counts.Item1) auckland.Add(_time.GetUtcNow());
            if (Sends.Count(_connector, "kolkata") > counts.Item2) kolkata.Add(_time.GetUtcNow());
            if (Sends.Count(_connector, "losangeles") > counts.Item3) losAngeles.Add(_time.GetUtcNow());
        }

        Assert.Equal([Utc(2025, 1, 5, 20)], auckland);     // 09:00 NZDT (UTC+13), the previous UTC day
        Assert.Equal([Utc(2025, 1, 6, 3, 30)], kolkata);   // 09:00 IST (UTC+5:30)
        Assert.Equal([Utc(2025, 1, 5, 17)], losAngeles);   // 09:00 PST (UTC-8)
    }

    [Fact]
    public async Task Poll_SlotInQuietHours_SentWhenTheyEnd()
    {
        var sut = CreateSut(o => (o.QuietHoursStart, o.QuietHoursEnd) = (new TimeOnly(21, 0), new TimeOnly(8, 0)));
        await sut.AddPatientAsync("di", new CheckInSchedule { Days = [DayOfWeek.Monday], LocalTime = new TimeOnly(22, 30), TimeZone = "Europe/London" });
        await sut.Scheduler.ReconcileAsync();

        var sent = await RunUntilAsync(sut, Utc(2025, 1, 7, 12), TimeSpan.FromMinutes(15), "di");

        Assert.Equal([Utc(2025, 1, 7, 8)], sent);
    }

    [Fact]
    public async Task Poll_UnansweredCheckIn_OneReminderAfterTheSilence()
    {
        var sut = CreateSut(o => o.ReminderAfter = TimeSpan.FromHours(3));
        await sut.AddPatientAsync("ed", Daily("Europe/London", 9));
        await sut.Scheduler.ReconcileAsync();

        var reminders = await RunUntilAsync(sut, Utc(2025, 1, 6, 20), TimeSpan.FromMinutes(15));

        Assert.Equal(1, Sends.Count(_connector, "ed"));
        Assert.Equal(1, Sends.Count(_connector, "ed", SchedulerInstance.ReminderText));
        Assert.Equal([Utc(2025, 1, 6, 9), Utc(2025, 1, 6, 12)], reminders);
    }

    [Fact]
    public async Task Poll_AnsweredCheckIn_NoReminder()
    {
        var sut = CreateSut(o => o.ReminderAfter = TimeSpan.FromHours(3));
        var patient = await sut.AddPatientAsync("fay", Daily("Europe/London", 9));
        await sut.Scheduler.ReconcileAsync();
        await RunUntilAsync(sut, Utc(2025, 1, 6, 10), TimeSpan.FromMinutes(15));

        await sut.UpdatePatientAsync(patient.PatientId, p => p with { CheckInCount = p.CheckInCount + 1 }); // the patient answered
        await RunUntilAsync(sut, Utc(2025, 1, 6, 20), TimeSpan.FromMinutes(15));

        Assert.Equal(1, Sends.Count(_connector, "fay"));
        Assert.Equal(0, Sends.Count(_connector, "fay", SchedulerInstance.ReminderText));
    }

    [Fact]
    public async Task Poll_TwoMissedCheckInsInARow_OneRoutineEscalation()
    {
        var sut = CreateSut(o => o.ReminderAfter = TimeSpan.Zero);
        var patient = await sut.AddPatientAsync("gus", Daily("Europe/London", 9));
        await sut.Scheduler.ReconcileAsync();

        await RunUntilAsync(sut, Utc(2025, 1, 7, 10), TimeSpan.FromMinutes(30)); // Monday and Tuesday sent, Monday missed
        var afterOneMiss = await sut.Escalations.ListAsync(patientId: patient.PatientId);
        await RunUntilAsync(sut, Utc(2025, 1, 9, 10), TimeSpan.FromMinutes(30)); // Wednesday: Tuesday missed too; Thursday: a third miss

        var escalation = Assert.Single(await sut.Escalations.ListAsync(patientId: patient.PatientId));
        Assert.Empty(afterOneMiss);
        Assert.Equal(Escalation.Routine, escalation.Level);
        Assert.Equal(["SCHED-MISSED-2"], escalation.RuleIds);
        Assert.Equal(4, Sends.Count(_connector, "gus"));
    }

    [Fact]
    public async Task Poll_AnswerBetweenMisses_ResetsTheCount()
    {
        var sut = CreateSut(o => o.ReminderAfter = TimeSpan.Zero);
        var patient = await sut.AddPatientAsync("hal", Daily("Europe/London", 9));
        await sut.Scheduler.ReconcileAsync();

        await RunUntilAsync(sut, Utc(2025, 1, 7, 10), TimeSpan.FromMinutes(30)); // Monday missed (seen Tuesday)
        await sut.UpdatePatientAsync(patient.PatientId, p => p with { CheckInCount = 1 }); // Tuesday answered
        await RunUntilAsync(sut, Utc(2025, 1, 9, 10), TimeSpan.FromMinutes(30)); // Wednesday missed, seen Thursday: 1 in a row

        Assert.Empty(await sut.Escalations.ListAsync(patientId: patient.PatientId));
    }

    [Fact]
    public async Task Poll_RemindLaterAt_CheckInSentThenAndCleared()
    {
        var sut = CreateSut();
        var patient = await sut.AddPatientAsync("ivy", Daily("Europe/London", 18), p => p with { RemindLaterAt = Utc(2025, 1, 6, 11, 15) });
        await sut.Scheduler.ReconcileAsync();

        var sent = await RunUntilAsync(sut, Utc(2025, 1, 6, 12), TimeSpan.FromMinutes(5), "ivy");

        Assert.Equal([Utc(2025, 1, 6, 11, 15)], sent);
        Assert.Null((await sut.Patients.GetAsync(patient.PatientId))!.RemindLaterAt);
    }

    [Fact]
    public async Task Poll_RemindLaterCleared_BeforeItsTime_NothingSent()
    {
        var sut = CreateSut();
        var patient = await sut.AddPatientAsync("jo", Daily("Europe/London", 18), p => p with { RemindLaterAt = Utc(2025, 1, 6, 11, 15) });
        await sut.Scheduler.ReconcileAsync();

        await sut.UpdatePatientAsync(patient.PatientId, p => p with { RemindLaterAt = null });
        var sent = await RunUntilAsync(sut, Utc(2025, 1, 6, 12), TimeSpan.FromMinutes(5), "jo");

        Assert.Empty(sent);
    }

    [Fact]
    public async Task Poll_ScheduleChanged_OldTimeNotSent_NewTimeSent()
    {
        var sut = CreateSut();
        var patient = await sut.AddPatientAsync("kit", Daily("Europe/London", 10));
        await sut.Scheduler.ReconcileAsync();

        await sut.UpdatePatientAsync(patient.PatientId, p => p with { Schedule = Daily("Europe/London", 16) });
        await sut.Scheduler.RefreshPatientAsync(patient.PatientId);
        var sent = await RunUntilAsync(sut, Utc(2025, 1, 6, 20), TimeSpan.FromMinutes(15), "kit");

        Assert.Equal([Utc(2025, 1, 6, 16)], sent);
    }

    [Fact]
    public async Task Poll_Connector403_PatientUnreachable_RoutineEscalation_NoMoreSends()
    {
        var sut = CreateSut();
        var patient = await sut.AddPatientAsync("lou", Daily("Europe/London", 9));
        await sut.Scheduler.ReconcileAsync();
        _connector.FailWith = _ => new ConnectorException("blocked") { StatusCode = HttpStatusCode.Forbidden, ErrorCode = "ConversationBlockedByUser" };

        await RunUntilAsync(sut, Utc(2025, 1, 6, 10), TimeSpan.FromMinutes(15));
        _connector.FailWith = null;
        await RunUntilAsync(sut, Utc(2025, 1, 8, 10), TimeSpan.FromMinutes(30));

        Assert.False((await sut.Patients.GetAsync(patient.PatientId))!.Reachable);
        var escalation = Assert.Single(await sut.Escalations.ListAsync(patientId: patient.PatientId));
        Assert.Equal((Escalation.Routine, "SCHED-UNREACHABLE"), (escalation.Level, escalation.RuleIds[0]));
        Assert.Contains("ConversationBlockedByUser", escalation.Reason, StringComparison.Ordinal);
        Assert.Equal(0, Sends.Count(_connector, "lou"));
    }

    [Fact]
    public async Task Poll_Connector429_BacksOff_ThenSendsOnce()
    {
        var connector = new Mock<IConnectorClient>(MockBehavior.Strict);
        connector.SetupSequence(c => c.SendActivityAsync(It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException("slow down") { StatusCode = HttpStatusCode.TooManyRequests, ErrorCode = "Throttled" })
            .ReturnsAsync(new ResourceResponse("sent-1"));
        var sut = new SchedulerInstance(_storage, connector.Object, _time, o => o.ThrottleBackoff = TimeSpan.FromSeconds(30));
        _instances.Add(sut);
        await sut.AddPatientAsync("max", Daily("Europe/London", 9));
        await sut.Scheduler.ReconcileAsync();

        _time.SetUtcNow(Utc(2025, 1, 6, 9));
        var first = await sut.Scheduler.PollOnceAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        var during = await sut.Scheduler.PollOnceAsync();
        _time.Advance(TimeSpan.FromSeconds(25));
        var after = await sut.Scheduler.PollOnceAsync();
        await sut.Scheduler.PollOnceAsync();

        Assert.Equal((0, 1), (first.Sent, first.Deferred));
        Assert.Equal((0, 1), (during.Sent, during.Deferred));
        Assert.Equal(1, after.Sent);
        connector.Verify(
            c => c.SendActivityAsync(It.Is<Activity>(a => a.Text == SchedulerInstance.CheckInText && a.Recipient!.Id == "max"), It.IsAny<CancellationToken>()),
            Times.Exactly(2)); // the refused attempt and the one after the back-off, nothing more
    }

    [Fact]
    public async Task Poll_TeamsChannelReference_CreatesThePersonalConversationWithTheTenant()
    {
        var sut = CreateSut();
        var reference = TestAdapter.CreateReference("19:team@thread.tacv2", "29:nia", Channels.MsTeams);
        reference.Conversation!.ConversationType = "channel";
        reference.Conversation.TenantId = "tenant-1";
        var patient = await sut.AddPatientAsync("29:nia", Daily("Europe/London", 9), p => p with { ChannelId = Channels.MsTeams, PatientId = PatientId.From(Channels.MsTeams, "29:nia") }, reference);
        await sut.References.SaveAsync(patient.PatientId, reference);
        await sut.Scheduler.ReconcileAsync();

        _time.SetUtcNow(Utc(2025, 1, 6, 9));
        var result = await sut.Scheduler.PollOnceAsync();

        Assert.Equal(1, result.Sent);
        var created = Assert.Single(_connector.CreatedConversations);
        Assert.Equal(("tenant-1", false, "29:nia"), (created.TenantId, created.IsGroup, created.Members![0].Id));
        var message = Assert.Single(_connector.Sent, a => a.Type == ActivityTypes.Message);
        Assert.Equal("created-1", message.Conversation!.Id);
        Assert.Equal("created-1", (await sut.References.GetAsync(patient.PatientId))!.Conversation!.Id);
    }

    [Fact]
    public async Task Poll_StoppedOrCoachHolds_NothingSent()
    {
        var sut = CreateSut();
        await sut.AddPatientAsync("oz", Daily("Europe/London", 9), p => p with { CheckInsActive = false });
        var held = await sut.AddPatientAsync("pia", Daily("Europe/London", 9));
        await sut.Scheduler.ReconcileAsync();
        await sut.UpdatePatientAsync(held.PatientId, p => p with { CoachHoldsConversation = true });

        await RunUntilAsync(sut, Utc(2025, 1, 6, 10), TimeSpan.FromMinutes(15));

        Assert.Equal(0, Sends.Messages(_connector));
    }

    [Fact]
    public async Task Poll_UnknownTimeZone_OtherPatientsStillServed()
    {
        var sut = CreateSut();
        await sut.AddPatientAsync("quin", Daily("Mars/Olympus", 9));
        await sut.AddPatientAsync("rae", Daily("Europe/London", 9));

        await sut.Scheduler.ReconcileAsync();
        var sent = await RunUntilAsync(sut, Utc(2025, 1, 6, 10), TimeSpan.FromMinutes(15));

        Assert.Equal(1, Sends.Count(_connector, "rae"));
        Assert.Equal(0, Sends.Count(_connector, "quin"));
        Assert.Single(sent);
    }

    [Fact]
    public async Task Poll_LongDowntime_StaleSlotSkipped_NextOneSent()
    {
        var sut = CreateSut(o => o.MaxLateness = TimeSpan.FromHours(2));
        await sut.AddPatientAsync("sam", Daily("Europe/London", 9));
        await sut.Scheduler.ReconcileAsync();

        _time.SetUtcNow(Utc(2025, 1, 6, 15)); // the host was down at 09:00
        var late = await sut.Scheduler.PollOnceAsync();
        var sent = await RunUntilAsync(sut, Utc(2025, 1, 7, 10), TimeSpan.FromMinutes(30), "sam");

        Assert.Equal((0, 1), (late.Sent, late.Skipped));
        Assert.Equal([Utc(2025, 1, 7, 9)], sent);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }
}
