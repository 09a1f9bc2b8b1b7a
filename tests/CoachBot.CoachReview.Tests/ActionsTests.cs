using System.Net;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Tests.Support;
using CoachBot.Coaching.Policy;
using CoachBot.Records;
using CoachBot.Testing;

namespace CoachBot.CoachReview.Tests;

public sealed class ActionsTests : IAsyncLifetime, IDisposable
{
    private readonly CoachHost _host = new();
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        await _host.AddPatientAsync();
        await _host.AddConversationAsync("webchat-p1", _connector.ServiceUrl);
    }

    public void Dispose() => _host?.Dispose();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Reply_GoesIntoThePatientsConversation_AfterTheJoinedMessage_AndTheCoachHoldsIt()
    {
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/reply", ("text", "Hi Alex, I am calling you now."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/coach/patients/webchat-p1?done=replied", response.Headers.Location!.OriginalString);
        Assert.Equal(["Sam from the care team has joined the chat.", "Hi Alex, I am calling you now."], _connector.Messages.Select(m => m.Text));
        Assert.All(_connector.Messages, m => Assert.Equal("conv-1", m.Conversation!.Id));
        var patient = await _host.Get<IPatientRepository>().GetAsync("webchat-p1");
        Assert.True(patient!.CoachHoldsConversation);
        Assert.Equal("sam@example.org", patient.HoldingCoach);
        var page = await client.GetStringAsync(new Uri("/coach/patients/webchat-p1?done=replied", UriKind.Relative));
        Assert.Contains("Your reply was sent.", page, StringComparison.Ordinal);
        Assert.Contains("sam@example.org holds this conversation", page, StringComparison.Ordinal);
        Assert.Contains("Hi Alex, I am calling you now.", page, StringComparison.Ordinal); // in the transcript
    }

    [Fact]
    public async Task SecondReply_DoesNotAnnounceTheCoachAgain()
    {
        using var client = await _host.LoggedInClientAsync();
        await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/reply", ("text", "first"));

        await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/reply", ("text", "second"));

        Assert.Equal(["Sam from the care team has joined the chat.", "first", "second"], _connector.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task CoachWithoutADisplayName_IsAnnouncedAsACoachFromTheCareTeam()
    {
        using var client = await _host.LoggedInClientAsync("jo@example.org", name: null);

        await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/reply", ("text", "hello"));

        Assert.Equal("A coach from your care team has joined the chat.", _connector.Messages[0].Text);
    }

    [Fact]
    public async Task Reply_ChannelRefuses_ShowsTheErrorKeepsTheTextAndAuditsTheFailure()
    {
        using var client = await _host.LoggedInClientAsync();
        _connector.EnqueueResponse(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"gone"}}""");

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/reply", ("text", "Please call 999 <now>"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The message did not reach the patient", html, StringComparison.Ordinal);
        Assert.Contains("403", html, StringComparison.Ordinal);
        Assert.Contains("BotNotInConversationRoster", html, StringComparison.Ordinal);
        Assert.Contains(">Please call 999 &lt;now&gt;</textarea>", html, StringComparison.Ordinal);
        var audit = await _host.Get<AuditLog>().ReadDayAsync(new DateOnly(2025, 1, 6));
        var failed = Assert.Single(audit, a => a.Action == AuditActions.ReplyFailed);
        Assert.Contains("Please call 999 <now>", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_Empty_IsRefused_AndNothingIsSent()
    {
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/reply", ("text", "   "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Received);
        Assert.False((await _host.Get<IPatientRepository>().GetAsync("webchat-p1"))!.CoachHoldsConversation);
    }

    [Fact]
    public async Task Reply_PatientWithoutAConversation_SaysSo()
    {
        await _host.AddPatientAsync("webchat-new", "New");
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-new", "/coach/patients/webchat-new/reply", ("text", "hello"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("no stored conversation", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandBack_ClearsTheHold_AndTellsThePatient()
    {
        using var client = await _host.LoggedInClientAsync();
        await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/reply", ("text", "hello"));

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/hand-back");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("Sam has left the chat. I'm back.", _connector.Messages[^1].Text, StringComparison.Ordinal);
        var patient = await _host.Get<IPatientRepository>().GetAsync("webchat-p1");
        Assert.False(patient!.CoachHoldsConversation);
        Assert.Null(patient.HoldingCoach);
    }

    [Fact]
    public async Task HandBack_WhenNobodyHolds_IsRefused()
    {
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/hand-back");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task Resolve_WithANote_StoresTheNote_AndTheStatus()
    {
        var e = await _host.RaiseAsync("webchat-p1", Escalation.Emergency, _host.Time.GetUtcNow().AddMinutes(-5));
        using var client = await _host.LoggedInClientAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(7));

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", $"/coach/escalations/{e.Id}/resolve", ("note", "Phoned; she is at A&E."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await _host.Get<IEscalationRepository>().GetAsync(e.Id);
        Assert.Equal((EscalationStatus.Resolved, "sam@example.org", _host.Time.GetUtcNow()), (stored!.Status, stored.StatusBy, stored.StatusAt!.Value));
        var page = await client.GetStringAsync(new Uri("/coach/patients/webchat-p1", UriKind.Relative));
        Assert.Contains("Note: Phoned; she is at A&amp;E.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(e.Id, await client.GetStringAsync(new Uri("/coach", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_WithoutANote_IsRefused_AndStaysOpen()
    {
        var e = await _host.RaiseAsync("webchat-p1", Escalation.Urgent, _host.Time.GetUtcNow());
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", $"/coach/escalations/{e.Id}/resolve", ("note", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Write a note", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EscalationStatus.Open, (await _host.Get<IEscalationRepository>().GetAsync(e.Id))!.Status);
    }

    [Fact]
    public async Task UnknownEscalation_Is404()
    {
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach", "/coach/escalations/nope/acknowledge");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Override_RecordsDecisionCoachReasonAndTime_OnThePatient()
    {
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/override", ("decision", "hold"), ("reason", "Wait for the GP review."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pending = (await _host.Get<IPatientRepository>().GetAsync("webchat-p1"))!.NextDecisionOverride;
        Assert.Equal(new DecisionOverride { Decision = Decision.Hold, Coach = "sam@example.org", Reason = "Wait for the GP review.", At = _host.Time.GetUtcNow() }, pending);
    }

    [Theory]
    [InlineData("jump", "reason")]
    [InlineData("7", "reason")]
    [InlineData("pause", "")]
    public async Task Override_BadInput_IsRefused_AndChangesNothing(string decision, string reason)
    {
        using var client = await _host.LoggedInClientAsync();

        using var response = await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/override", ("decision", decision), ("reason", reason));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await _host.Get<IPatientRepository>().GetAsync("webchat-p1"))!.NextDecisionOverride);
    }

    [Fact]
    public async Task EveryViewAndAction_IsInTheAuditLog_AndTheAuditPageShowsIt()
    {
        var e = await _host.RaiseAsync("webchat-p1", Escalation.Urgent, _host.Time.GetUtcNow());
        using var client = await _host.LoggedInClientAsync();
        await client.GetStringAsync(new Uri("/coach", UriKind.Relative));
        await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", $"/coach/escalations/{e.Id}/acknowledge");
        await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/reply", ("text", "hello"));
        await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/hand-back");
        await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", $"/coach/escalations/{e.Id}/resolve", ("note", "done"));
        await CoachHost.PostFormAsync(client, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/override", ("decision", "pause"), ("reason", "GP"));

        var audit = await _host.Get<AuditLog>().ReadDayAsync(new DateOnly(2025, 1, 6));

        var actions = audit.Where(a => a.Action is not (AuditActions.ViewPatient or AuditActions.ViewQueue)).Select(a => a.Action).ToList();
        Assert.Equal([AuditActions.Login, AuditActions.Acknowledge, AuditActions.Reply, AuditActions.HandBack, AuditActions.Resolve, AuditActions.Override], actions);
        Assert.Contains(audit, a => a.Action == AuditActions.ViewQueue);
        Assert.Contains(audit, a => a.Action == AuditActions.ViewPatient && a.PatientId == "webchat-p1");
        Assert.All(audit, a => Assert.Equal("sam@example.org", a.Coach));
        Assert.Equal(e.Id, audit.Single(a => a.Action == AuditActions.Resolve).EscalationId);
        var page = await client.GetStringAsync(new Uri("/coach/audit", UriKind.Relative));
        Assert.Contains("<td>reply</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>override</td>", page, StringComparison.Ordinal);
        Assert.Contains("pause: GP", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_BadDay_Is400_AndAnotherDayIsEmpty()
    {
        using var client = await _host.LoggedInClientAsync();

        using var bad = await client.GetAsync(new Uri("/coach/audit?day=yesterday", UriKind.Relative));
        var other = await client.GetStringAsync(new Uri("/coach/audit?day=2024-12-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Nothing on this day.", other, StringComparison.Ordinal);
    }
}
