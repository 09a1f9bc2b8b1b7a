using System.Net;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Caseload;
using CoachBot.CoachReview.Tests.Support;
using CoachBot.Coaching.Policy;
using CoachBot.Records.Caseload;

namespace CoachBot.CoachReview.Tests;

/// <summary>The caseload, overview, inbox and live routes in the in-memory host: no-store, audited, antiforgery-checked.</summary>
public sealed class CaseloadPageTests : IDisposable
{
    private readonly CoachHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task CaseloadPage_ShowsTheRowFromTheReadModel_NoStore_AndIsAudited()
    {
        await _host.AddPatientAsync("webchat-p1", "Alex");
        await _host.AddCheckInAsync("webchat-p1", 1, 7, Decision.Hold, _host.Time.GetUtcNow());
        var client = await _host.LoggedInClientAsync();

        var response = await client.GetAsync(new Uri("/coach/patients?scope=unassigned", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("data-patient=\"webchat-p1\"", html, StringComparison.Ordinal);
        Assert.Contains("pain 7/10, hold", html, StringComparison.Ordinal);
        Assert.Contains("data-pains=\"7\"", html, StringComparison.Ordinal);
        var audit = await _host.Get<AuditLog>().ReadDayAsync(DateOnly.FromDateTime(_host.Time.GetUtcNow().UtcDateTime));
        Assert.Contains(audit, e => e.Action == CaseloadAuditActions.ViewCaseload && e.Coach == "sam@example.org");
    }

    [Fact]
    public async Task Assign_WithToken_MovesThePatientToMine_AndIsAudited_WithoutToken_ChangesNothing()
    {
        await _host.AddPatientAsync("webchat-p1", "Alex");
        var client = await _host.LoggedInClientAsync();

        var refused = await client.PostAsync(new Uri("/coach/patients/webchat-p1/assign", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["coach"] = "sam@example.org" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(await _host.Get<CaseloadStore>().AssignmentAsync("webchat-p1"));

        var done = await CoachHost.PostFormAsync(client, "/coach/patients?scope=unassigned", "/coach/patients/webchat-p1/assign", ("coach", "sam@example.org"), ("back", "/coach/patients?scope=unassigned&filter=all"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/coach/patients?scope=unassigned&filter=all&done=assigned", done.Headers.Location?.ToString());
        Assert.Equal("webchat-p1", Assert.Single(await _host.Get<CaseloadStore>().RowsAsync(["sam@example.org"])).PatientId);
        var mine = await client.GetStringAsync(new Uri("/coach/patients", UriKind.Relative));
        Assert.Contains("data-patient=\"webchat-p1\"", mine, StringComparison.Ordinal);
        var audit = await _host.Get<AuditLog>().ReadDayAsync(DateOnly.FromDateTime(_host.Time.GetUtcNow().UtcDateTime));
        var entry = Assert.Single(audit, e => e.Action == CaseloadAuditActions.Reassign);
        Assert.Equal("webchat-p1", entry.PatientId);
        Assert.Equal("from nobody to sam@example.org", entry.Detail);
    }

    [Fact]
    public async Task InboxNote_MarkedDone_ResolvesTheNote_AndIsAudited()
    {
        await _host.AddPatientAsync("webchat-p1", "Alex");
        var note = await _host.RaiseAsync("webchat-p1", Escalation.None, _host.Time.GetUtcNow(), CaseloadProjection.NoteRule, "my knee clicks too");
        var client = await _host.LoggedInClientAsync();
        var inbox = await client.GetStringAsync(new Uri("/coach/inbox", UriKind.Relative));
        Assert.Contains("my knee clicks too", inbox, StringComparison.Ordinal);

        var done = await CoachHost.PostFormAsync(client, "/coach/inbox", "/coach/inbox/notes/" + note.Id + "/done");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(CoachBot.Records.EscalationStatus.Resolved, (await _host.Get<CoachBot.Records.IEscalationRepository>().GetAsync(note.Id))!.Status);
        Assert.Contains("data-total=\"0\"", await client.GetStringAsync(new Uri("/coach/inbox", UriKind.Relative)), StringComparison.Ordinal);
        var audit = await _host.Get<AuditLog>().ReadDayAsync(DateOnly.FromDateTime(_host.Time.GetUtcNow().UtcDateTime));
        Assert.Contains(audit, e => e.Action == CaseloadAuditActions.InboxDone && e.EscalationId == note.Id);
    }

    [Fact]
    public async Task LiveScript_IsServed_AndCoachPagesAllowOnlyScriptsFromThisSite()
    {
        var client = await _host.LoggedInClientAsync();

        var script = await client.GetAsync(new Uri("/coach/live.js", UriKind.Relative));
        var page = await client.GetAsync(new Uri("/coach/overview", UriKind.Relative));

        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EventSource('/coach/live/events')", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/coach/live.js\" defer></script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
