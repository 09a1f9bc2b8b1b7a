using System.Net;
using System.Text.Json;
using CoachBot.CoachReview.Queue;
using CoachBot.CoachReview.Tests.Support;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Safety;
using CoachBot.Records;
using CoachBot.Records.Caseload;
using CoachBot.Storage;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoachBot.CoachReview.Tests;

public sealed class QueueTests : IDisposable
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly CoachHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("2025-01-06T10:00:00Z", "2025-01-08T10:00:00Z")] // Monday -> Wednesday, same time
    [InlineData("2025-01-09T15:30:00Z", "2025-01-13T15:30:00Z")] // Thursday -> Monday
    [InlineData("2025-01-10T15:00:00Z", "2025-01-14T15:00:00Z")] // Friday -> Tuesday
    [InlineData("2025-01-11T12:00:00Z", "2025-01-15T00:00:00Z")] // Saturday: clock starts Monday 00:00 -> end of Tuesday
    [InlineData("2025-07-07T10:00:00+01:00", "2025-07-09T10:00:00+01:00")] // summer time
    public void Routine_IsDueWithinTwoWorkingDays(string raised, string due)
    {
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), EscalationTargets.DueAt(Escalation.Routine, DateTimeOffset.Parse(raised, System.Globalization.CultureInfo.InvariantCulture), London));
    }

    [Theory]
    [InlineData("2025-01-06T10:00:00Z", "2025-01-07T00:00:00Z")]
    [InlineData("2025-07-07T22:30:00Z", "2025-07-08T00:00:00+01:00")] // 23:30 London time: due at local midnight
    public void Urgent_IsDueTheSameDay_InTheCareTeamsZone(string raised, string due)
    {
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), EscalationTargets.DueAt(Escalation.Urgent, DateTimeOffset.Parse(raised, System.Globalization.CultureInfo.InvariantCulture), London));
    }

    [Fact]
    public void Emergency_IsDueWithinTheHour()
    {
        var raised = new DateTimeOffset(2025, 1, 6, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(raised.AddHours(1), EscalationTargets.DueAt(Escalation.Emergency, raised, London));
    }

    [Fact]
    public void Order_EmergencyThenUrgentThenRoutine_NewestFirstWithinALevel()
    {
        var t = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        EscalationRecord E(string id, Escalation level, int minutes) => new()
        {
            Id = id, PatientId = "p", Level = level, RuleIds = ["X"], Reason = "r", RaisedAt = t.AddMinutes(minutes),
        };

        var ordered = QueueBuilder.Order([E("r-old", Escalation.Routine, 0), E("u-old", Escalation.Urgent, 1), E("e-old", Escalation.Emergency, 2), E("r-new", Escalation.Routine, 30), E("u-new", Escalation.Urgent, 20), E("e-new", Escalation.Emergency, 10)]);

        Assert.Equal(["e-new", "e-old", "u-new", "u-old", "r-new", "r-old"], ordered.Select(e => e.Id));
    }

    [Fact]
    public async Task Queue_ReadsOnlyTheEscalationsTheCaseloadIndexHasOpen_NeverTheWholeList()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var caseload = new CaseloadStore(new MemoryStorage(), time);
        EscalationRecord E(string id, string patient, EscalationStatus status) => new()
        {
            Id = id, PatientId = patient, Level = Escalation.Urgent, RuleIds = ["X"], Reason = "r", RaisedAt = time.GetUtcNow().AddHours(-1), Status = status,
        };
        var open = E("e-open", "p1", EscalationStatus.Open);
        var acknowledged = E("e-ack", "p2", EscalationStatus.Acknowledged);
        await caseload.ApplyAsync(open);
        await caseload.ApplyAsync(acknowledged);
        await caseload.ApplyAsync(E("e-done", "p1", EscalationStatus.Resolved));
        var records = new Mock<IEscalationRepository>(MockBehavior.Strict); // ListAsync, or any other id, would throw
        records.Setup(r => r.GetAsync("e-open", It.IsAny<CancellationToken>())).ReturnsAsync(open);
        records.Setup(r => r.GetAsync("e-ack", It.IsAny<CancellationToken>())).ReturnsAsync(acknowledged);

        var queue = await new QueueBuilder(caseload, records.Object, time, London).ListAsync();

        Assert.Equal(["e-ack", "e-open"], queue.Select(i => i.Escalation.Id).Order(StringComparer.Ordinal));
        records.Verify(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task QueuePage_ShowsOpenAndAcknowledged_InOrder_WithReasonWordsAndOverdue()
    {
        var now = _host.Time.GetUtcNow(); // Monday 09:00 UTC
        await _host.AddPatientAsync("webchat-a", "Alex");
        await _host.AddPatientAsync("webchat-b", "Bo");
        var routineOverdue = await _host.RaiseAsync("webchat-a", Escalation.Routine, now.AddDays(-5), "COACH-REQUEST", "please call me");
        var urgent = await _host.RaiseAsync("webchat-b", Escalation.Urgent, now.AddHours(-2), "RF-2", "I have a fever");
        var emergency = await _host.RaiseAsync("webchat-a", Escalation.Emergency, now.AddMinutes(-10), "RF-1", "I can't feel my bottom");
        var resolved = await _host.RaiseAsync("webchat-b", Escalation.Emergency, now.AddMinutes(-5), "DS-1", "resolved already");
        await _host.Get<IEscalationRepository>().UpdateStatusAsync(resolved.Id, EscalationStatus.Resolved, "x@example.org", now);
        await _host.Get<IEscalationRepository>().UpdateStatusAsync(urgent.Id, EscalationStatus.Acknowledged, "x@example.org", now);
        using var client = await _host.LoggedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/coach", UriKind.Relative));

        var positions = new[] { emergency.Id, urgent.Id, routineOverdue.Id }.Select(id => html.IndexOf($"data-escalation=\"{id}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain(resolved.Id, html, StringComparison.Ordinal);
        Assert.Contains("RF-1", html, StringComparison.Ordinal);
        Assert.Contains("I can&#x27;t feel my bottom", html, StringComparison.Ordinal);
        Assert.Contains("waiting 0 h 10 min", html, StringComparison.Ordinal);
        Assert.Contains("2 working days", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "OVERDUE"));
        Assert.Contains("acknowledged by x@example.org", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuePage_FlaggedMessage_ShowsEachRuleWithItsConcepts()
    {
        var now = _host.Time.GetUtcNow();
        await _host.AddPatientAsync("webchat-a", "Alex");
        var findings = SafetyScreen.Screen(_host.Get<SafetyLexicon>(), "sharp pain down my leg and numbness around my groin, and I feel hopeless");
        await _host.Get<IEscalationRepository>().RaiseAsync(new EscalationRecord
        {
            Id = EscalationIds.New(now),
            PatientId = "webchat-a",
            Level = findings.Level,
            RuleIds = findings.RuleIds,
            Reason = "safety screen: " + findings.Describe(),
            PatientWords = "sharp pain down my leg and numbness around my groin, and I feel hopeless",
            RaisedAt = now,
        });
        using var client = await _host.LoggedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/coach", UriKind.Relative));

        Assert.Contains("<strong>RF-1, DS-3</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>RF-1 lost feeling in the saddle area (saddleRegion &quot;groin&quot; &#x2B; sensationLoss &quot;numb*&quot;)</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>DS-3 distress words (distress &quot;hopeless*&quot;)</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueApi_ReturnsTheSameOrder_WithTargets()
    {
        var now = _host.Time.GetUtcNow();
        await _host.AddPatientAsync("webchat-a", "Alex");
        await _host.RaiseAsync("webchat-a", Escalation.Routine, now.AddHours(-1), "COACH-REQUEST");
        await _host.RaiseAsync("webchat-a", Escalation.Urgent, now.AddHours(-10), "RF-2");
        using var client = await _host.LoggedInClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/coach/api/queue", UriKind.Relative)));

        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["urgent", "routine"], items.Select(i => i.GetProperty("level").GetString()));
        Assert.True(items[0].GetProperty("overdue").GetBoolean()); // raised Sunday 23:00 UTC: due at Monday 00:00 London
        Assert.False(items[1].GetProperty("overdue").GetBoolean());
        Assert.Equal("Alex", items[0].GetProperty("patientName").GetString());
    }

    [Fact]
    public async Task AcknowledgeFromTheQueue_ChangesTheStatus_AndReturnsToTheQueue()
    {
        await _host.AddPatientAsync("webchat-a", "Alex");
        var e = await _host.RaiseAsync("webchat-a", Escalation.Urgent, _host.Time.GetUtcNow().AddMinutes(-3), "RF-3");
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach", $"/coach/escalations/{e.Id}/acknowledge", ("back", "queue"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/coach?done=acknowledged", response.Headers.Location!.OriginalString);
        var stored = await _host.Get<IEscalationRepository>().GetAsync(e.Id);
        Assert.Equal((EscalationStatus.Acknowledged, "sam@example.org"), (stored!.Status, stored.StatusBy));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
