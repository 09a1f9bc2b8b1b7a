using System.Net;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Tests.Support;
using CoachBot.Coaching.Policy;
using CoachBot.Records;

namespace CoachBot.CoachReview.Tests;

/// <summary>The training clearance the pre-exercise screening asks for: shown on the patient page, cleared by a coach, audited.</summary>
public sealed class ClearanceTests : IAsyncLifetime, IDisposable
{
    private readonly CoachHost _host = new();

    public async Task InitializeAsync()
    {
        var patient = await _host.AddPatientAsync();
        var held = new TrainingClearance { RuleIds = ["SX-1"], Reason = "SX-1: back surgery 5 weeks ago: no loading until the surgical team clears it", RequestedAt = _host.Time.GetUtcNow() };
        await _host.Get<IPatientRepository>().SaveAsync(patient with { Clearance = held });
    }

    public void Dispose() => _host?.Dispose();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PatientPage_ShowsTheClearanceItem_AndTheClearForm()
    {
        await _host.RaiseAsync("webchat-p1", Escalation.Routine, _host.Time.GetUtcNow(), rule: "CLEARANCE", words: null);
        using var client = await _host.LoggedInClientAsync();

        var page = await client.GetStringAsync(new Uri("/coach/patients/webchat-p1", UriKind.Relative));
        var queue = await client.GetStringAsync(new Uri("/coach", UriKind.Relative));

        Assert.Contains("<h2>Training clearance</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Clearance needed", page, StringComparison.Ordinal);
        Assert.Contains("back surgery 5 weeks ago", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/coach/patients/webchat-p1/clear\"", page, StringComparison.Ordinal);
        Assert.Contains("CLEARANCE", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_RecordsTheCoachNoteAndTime_ResolvesTheItem_AndIsAudited()
    {
        var item = await _host.RaiseAsync("webchat-p1", Escalation.Routine, _host.Time.GetUtcNow(), rule: "CLEARANCE", words: null);
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/clear", ("note", "Surgical team cleared her by phone."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var clearance = (await _host.Get<IPatientRepository>().GetAsync("webchat-p1"))!.Clearance!;
        Assert.False(clearance.Pending);
        Assert.Equal("sam@example.org", clearance.ClearedBy);
        Assert.Equal("Surgical team cleared her by phone.", clearance.Note);
        Assert.Equal(_host.Time.GetUtcNow(), clearance.ClearedAt);
        Assert.Equal(EscalationStatus.Resolved, (await _host.Get<IEscalationRepository>().GetAsync(item.Id))!.Status);
        var audit = await _host.Get<AuditLog>().ReadDayAsync(DateOnly.FromDateTime(_host.Time.GetUtcNow().UtcDateTime));
        Assert.Contains(audit, a => a.Action == AuditActions.ClearForTraining && a.PatientId == "webchat-p1" && a.Detail == "Surgical team cleared her by phone.");
        var page = await client.GetStringAsync(new Uri("/coach/patients/webchat-p1", UriKind.Relative));
        Assert.Contains("Cleared by sam@example.org", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_WithoutANote_OrWithNothingHeld_IsRefused()
    {
        using var client = await _host.LoggedInClientAsync();

        using var noNote = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/clear", ("note", " "));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.True((await _host.Get<IPatientRepository>().GetAsync("webchat-p1"))!.Clearance!.Pending);

        using var first = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/clear", ("note", "GP letter seen."));
        using var again = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/clear", ("note", "again"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }
}
