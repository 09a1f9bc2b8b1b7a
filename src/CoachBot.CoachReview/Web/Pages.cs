using System.Globalization;
using System.Text;
using CoachBot.CoachReview.Patients;
using CoachBot.CoachReview.Queue;
using CoachBot.CoachReview.SignIn;
using CoachBot.Coaching.Policy;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.CoachReview.Web.Html;

namespace CoachBot.CoachReview.Web;

/// <summary>The HTML bodies of the coach pages.</summary>
internal static class Pages
{
    public static RenderFragment Login(HttpContext context, IAntiforgery antiforgery, string? email, string? error, string? returnUrl)
    {
        var services = context.RequestServices;
        var local = OrganisationSignIn.LocalAccountsEnabled(services);
        var tokens = local ? antiforgery.GetAndStoreTokens(context) : null;
        return Component<LoginForm>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(LoginForm.Error)] = error,
            [nameof(LoginForm.OrganisationUrl)] = OrganisationSignIn.IsEnabled(services) ? OrganisationSignIn.StartUrl(returnUrl) : null,
            [nameof(LoginForm.TokenName)] = tokens?.FormFieldName,
            [nameof(LoginForm.TokenValue)] = tokens?.RequestToken,
            [nameof(LoginForm.Ticket)] = local ? services.GetRequiredService<LoginForms>().Issue() : null,
            [nameof(LoginForm.ReturnUrl)] = returnUrl,
            [nameof(LoginForm.Email)] = email,
        });
    }

    public static string Queue(HttpContext context, IAntiforgery antiforgery, IReadOnlyList<QueueItem> items, TimeZoneInfo zone, string? notice, string? error)
    {
        var body = new StringBuilder("<h1>Escalation queue</h1>");
        Banners(body, notice, error);
        body.Append(CultureInfo.InvariantCulture, $"<p>{items.Count} open or acknowledged. Most serious first, then newest. Times are {E(zone.Id)}.</p>");
        if (items.Count == 0)
        {
            body.Append("<p>Nothing is waiting.</p>");
            return body.ToString();
        }

        body.Append("<table class=\"queue\"><thead><tr><th>Level</th><th>Patient</th><th>Reason</th><th>Raised</th><th>Target</th><th>Status</th><th></th></tr></thead><tbody>");
        foreach (var item in items)
        {
            var e = item.Escalation;
            body.Append(CultureInfo.InvariantCulture, $"<tr class=\"escalation row-{Level(e.Level)}\" data-escalation=\"{E(e.Id)}\">");
            body.Append(CultureInfo.InvariantCulture, $"<td><span class=\"level level-{Level(e.Level)}\">{Level(e.Level)}</span></td>");
            body.Append(CultureInfo.InvariantCulture, $"<td><a href=\"{PatientUrl(e.PatientId)}\">{E(item.PatientName ?? e.PatientId)}</a></td>");
            body.Append("<td>").Append(Reason(e)).Append("</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{E(Time(e.RaisedAt, zone))}<br>waiting {E(Duration(item.Waiting))}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{E(EscalationTargets.Describe(e.Level))}: by {E(Time(item.DueAt, zone))}");
            if (item.Overdue)
            {
                body.Append(CultureInfo.InvariantCulture, $"<br><span class=\"overdue\">OVERDUE by {E(Duration(item.Waiting - (item.DueAt - e.RaisedAt)))}</span>");
            }

            body.Append("</td><td>").Append(E(e.Status.ToString().ToLowerInvariant()));
            if (e.StatusBy is not null)
            {
                body.Append(" by ").Append(E(e.StatusBy));
            }

            body.Append("</td><td>");
            if (e.Status == EscalationStatus.Open)
            {
                body.Append(CultureInfo.InvariantCulture, $"<form class=\"inline\" method=\"post\" action=\"/coach/escalations/{Uri.EscapeDataString(e.Id)}/acknowledge\">{Token(context, antiforgery)}<input type=\"hidden\" name=\"back\" value=\"queue\"><button type=\"submit\">Acknowledge</button></form> ");
            }

            body.Append(CultureInfo.InvariantCulture, $"<a href=\"{PatientUrl(e.PatientId)}\">Open</a></td></tr>");
        }

        body.Append("</tbody></table>");
        return body.ToString();
    }

    /// <summary>The training clearance the pre-exercise screening asked for: why, and a form to clear it; or who released it.</summary>
    private static void Clearance(StringBuilder body, PatientRecord p, string id, string token, TimeZoneInfo zone)
    {
        if (p.Clearance is not { } clearance)
        {
            return;
        }

        body.Append("<section class=\"clearance\"><h2>Training clearance</h2>");
        body.Append(CultureInfo.InvariantCulture, $"<p>Rules: <strong>{E(string.Join(", ", clearance.RuleIds))}</strong>. {E(clearance.Reason)} (since {E(Time(clearance.RequestedAt, zone))})</p>");
        if (clearance.Pending)
        {
            body.Append("<p><strong>Clearance needed</strong>: the programme is held; the patient gets walking and education, not loaded exercise.</p>");
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/coach/patients/{id}/clear\">{token}<label>Note (who cleared it, for example the surgical team)<br><textarea name=\"note\" rows=\"2\" required maxlength=\"2000\"></textarea></label><br><button type=\"submit\">Clear for training</button></form>");
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>Cleared by {E(clearance.ClearedBy)} ({E(Time(clearance.ClearedAt!.Value, zone))}): {E(clearance.Note)}</p>");
        }

        body.Append("</section>");
    }

    public static string Patient(HttpContext context, IAntiforgery antiforgery, PatientFile file, TimeZoneInfo zone, string? notice, string? error, string? replyDraft)
    {
        var p = file.Patient;
        var token = Token(context, antiforgery);
        var id = Uri.EscapeDataString(p.PatientId);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(p.Name ?? p.PatientId)}</h1>");
        Banners(body, notice, error);
        body.Append(CultureInfo.InvariantCulture, $"<p>Patient <code>{E(p.PatientId)}</code> on {E(p.ChannelId)}. ");
        body.Append(p.Onboarded ? "Onboarded" : "Not onboarded yet");
        if (p.BaselinePain is { } baseline)
        {
            body.Append(CultureInfo.InvariantCulture, $"; baseline pain {baseline}/10");
        }

        if (p.LastSeenAt is { } seen)
        {
            body.Append("; last message ").Append(E(Time(seen, zone)));
        }

        body.Append(".</p><p class=\"hold\">");
        body.Append(p.CoachHoldsConversation
            ? $"<strong>{E(p.HoldingCoach ?? "A coach")} holds this conversation</strong>: the bot answers only safety messages."
            : "The bot is answering this patient.");
        body.Append("</p>");
        if (p.NextDecisionOverride is { } pending)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>Next check-in decision set to <strong>{E(Word(pending.Decision))}</strong> by {E(pending.Coach)} ({E(Time(pending.At, zone))}): {E(pending.Reason)}</p>");
        }

        Clearance(body, p, id, token, zone);

        // Escalations.
        body.Append("<section><h2>Escalations</h2>");
        if (file.Escalations.Count == 0)
        {
            body.Append("<p>None.</p>");
        }
        else
        {
            body.Append("<table><thead><tr><th>Level</th><th>Raised</th><th>Reason</th><th>Status</th><th>Action</th></tr></thead><tbody>");
            foreach (var e in file.Escalations)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr data-escalation=\"{E(e.Id)}\"><td><span class=\"level level-{Level(e.Level)}\">{Level(e.Level)}</span></td><td>{E(Time(e.RaisedAt, zone))}</td><td>{Reason(e)}</td>");
                body.Append("<td>").Append(E(e.Status.ToString().ToLowerInvariant()));
                if (e.StatusBy is not null && e.StatusAt is { } at)
                {
                    body.Append(" by ").Append(E(e.StatusBy)).Append(", ").Append(E(Time(at, zone)));
                }

                if (file.Notes.TryGetValue(e.Id, out var note))
                {
                    body.Append("<br>Note: ").Append(E(note.Note));
                }

                body.Append("</td><td>");
                var escalationUrl = "/coach/escalations/" + Uri.EscapeDataString(e.Id);
                if (e.Status == EscalationStatus.Open)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<form class=\"inline\" method=\"post\" action=\"{escalationUrl}/acknowledge\">{token}<button type=\"submit\">Acknowledge</button></form>");
                }

                if (e.Status != EscalationStatus.Resolved)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{escalationUrl}/resolve\">{token}<label>Note<br><textarea name=\"note\" rows=\"2\" required maxlength=\"2000\"></textarea></label><br><button type=\"submit\">Resolve</button></form>");
                }

                body.Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</section>");

        // Actions.
        body.Append("<section><h2>Reply to the patient</h2>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/coach/patients/{id}/reply\">{token}<label>Message (sent into the patient's chat; the bot then stays quiet until you hand back)<br><textarea name=\"text\" rows=\"3\" required maxlength=\"2000\">{E(replyDraft)}</textarea></label><br><button type=\"submit\">Send reply</button></form>");
        if (p.CoachHoldsConversation)
        {
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/coach/patients/{id}/hand-back\">{token}<button type=\"submit\">Hand back to the bot</button></form>");
        }

        body.Append("</section><section><h2>Override the next check-in decision</h2>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/coach/patients/{id}/override\">{token}<label>Decision <select name=\"decision\"><option value=\"progress\">progress</option><option value=\"hold\">hold</option><option value=\"pause\">pause</option></select></label> ");
        body.Append("<label>Reason <input name=\"reason\" required maxlength=\"2000\" size=\"50\"></label> <button type=\"submit\">Set override</button></form></section>");

        body.Append("<section class=\"since-check-in\"><h2>Conversation since the last check-in</h2>");
        body.Append(file.LastCheckInAt is { } lastCheckIn ? $"<p>Messages after the check-in of {E(Time(lastCheckIn, zone))}, newest last.</p>" : "<p>No check-in yet: every message, newest last.</p>");
        Transcript(body, file.SinceLastCheckIn, file.Reference?.Bot?.Id, zone, "No messages since the last check-in.");
        body.Append("</section>");

        // Pain trend and history.
        body.Append("<section><h2>Pain trend</h2>").Append(PainTrendChart.Render(file.PainPoints, p.BaselinePain)).Append("</section>");
        body.Append("<section><h2>Check-ins</h2>");
        if (file.CheckIns.Count == 0)
        {
            body.Append("<p>No check-ins yet.</p>");
        }
        else
        {
            body.Append("<table class=\"checkins\"><thead><tr><th>#</th><th>When</th><th>Pain now</th><th>Pain types</th><th>Red flags</th><th>Decision</th><th>Escalation</th><th>Rules fired</th></tr></thead><tbody>");
            foreach (var c in file.CheckIns.Reverse())
            {
                var flags = c.Input.RedFlags.Where(f => f.ToString() != "None").Select(f => f.ToString()).ToList();
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{c.Sequence}</td><td>{E(Time(c.RecordedAt, zone))}</td><td>{c.Input.PainNow}/10</td>");
                body.Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(", ", c.Input.PainTypes.Select(t => t.ToString().ToLowerInvariant())))}</td><td>{E(flags.Count == 0 ? "none" : string.Join(", ", flags))}</td>");
                body.Append(CultureInfo.InvariantCulture, $"<td>{E(Word(c.Decision))}");
                if (c.Override is { } o)
                {
                    body.Append(CultureInfo.InvariantCulture, $" (override by {E(o.Coach)}: {E(o.Reason)})");
                }

                body.Append(CultureInfo.InvariantCulture, $"</td><td>{E(c.Escalation.ToString().ToLowerInvariant())}</td><td>");
                body.AppendJoin("<br>", c.FiredRules.Select(r => $"<strong>{E(r.RuleId)}</strong> {E(r.Reason)}"));
                body.Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</section><section><h2>Transcript</h2>");
        Transcript(body, file.Transcript, file.Reference?.Bot?.Id, zone, "No messages stored.");
        body.Append("</section>");
        return body.ToString();
    }

    public static RenderFragment Message(string heading, string text) =>
        Component<MessageBody>(new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(MessageBody.Heading)] = heading, [nameof(MessageBody.Text)] = text });

    public static string PatientUrl(string patientId) => "/coach/patients/" + Uri.EscapeDataString(patientId);

    private static void Transcript(StringBuilder body, IReadOnlyList<Activity> activities, string? botId, TimeZoneInfo zone, string none)
    {
        var messages = activities.Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text)).ToList();
        if (messages.Count == 0)
        {
            body.Append("<p>").Append(E(none)).Append("</p>");
            return;
        }

        body.Append("<div class=\"transcript\">");
        foreach (var a in messages)
        {
            var fromBot = string.Equals(a.From?.Role, "bot", StringComparison.OrdinalIgnoreCase)
                || (botId is not null && string.Equals(a.From?.Id, botId, StringComparison.Ordinal));
            var who = fromBot ? "CoachBot / coach" : "Patient";
            var when = a.Timestamp is { } at ? Time(at, zone) : string.Empty;
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"{(fromBot ? "from-bot" : "from-patient")}\"><small>{E(when)}</small> <strong>{E(who)}:</strong> {E(a.Text)}</p>");
        }

        body.Append("</div>");
    }

    private static void Banners(StringBuilder body, string? notice, string? error)
    {
        if (notice is not null)
        {
            body.Append("<p class=\"notice\" role=\"status\">").Append(E(notice)).Append("</p>");
        }

        if (error is not null)
        {
            body.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        }
    }

    /// <summary>
    /// The rule ids and reason of an escalation. A safety-screen reason lists each rule that fired with the concepts
    /// and content terms behind it ("RF-1 lost feeling in the saddle area (saddleRegion "groin" + sensationLoss
    /// "numb*")"), one per line, so a coach sees why the message was flagged.
    /// </summary>
    private static string Reason(EscalationRecord e)
    {
        const string SafetyScreen = "safety screen: ";
        var text = new StringBuilder();
        text.Append("<strong>").Append(E(string.Join(", ", e.RuleIds))).Append("</strong> ");
        if (e.Reason.StartsWith(SafetyScreen, StringComparison.Ordinal))
        {
            text.Append("safety screen:<ul class=\"findings\">");
            foreach (var finding in e.Reason[SafetyScreen.Length..].Split("; ", StringSplitOptions.RemoveEmptyEntries))
            {
                text.Append("<li>").Append(E(finding)).Append("</li>");
            }

            text.Append("</ul>");
        }
        else
        {
            text.Append(E(e.Reason));
        }

        if (!string.IsNullOrWhiteSpace(e.PatientWords))
        {
            text.Append("<br><span class=\"words\">\u201C").Append(E(e.PatientWords)).Append("\u201D</span>");
        }

        if (e.MoreRaised > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<br><strong class=\"more\">and {e.MoreRaised} more from this conversation</strong>");
        }

        return text.ToString();
    }

    private static string Level(Escalation level) => level.ToString().ToLowerInvariant();

    private static string Word(Decision decision) => decision.ToString().ToLowerInvariant();
}
