using System.Globalization;
using System.Text;
using CoachBot.Records.Caseload;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using static CoachBot.CoachReview.Web.Html;

namespace CoachBot.CoachReview.Caseload;

/// <summary>What the caseload page was asked for.</summary>
internal sealed record CaseloadRequest(string Scope, CaseloadFilter Filter, int QuietDays, string? Search, int Page);

/// <summary>The HTML body of <c>/coach/patients</c>.</summary>
internal static class CaseloadView
{
    /// <summary>Sessions in 2 weeks the programme plans: 2-3 a week (clinical rules, AD-1 holds below 4).</summary>
    public const string PlannedSessions = "4-6";

    private static readonly (CaseloadFilter Filter, string Name, string Label)[] Filters =
    [
        (CaseloadFilter.All, "all", "Everyone"),
        (CaseloadFilter.Attention, "attention", "Needs attention"),
        (CaseloadFilter.Quiet, "quiet", "Quiet"),
        (CaseloadFilter.OnHold, "onhold", "On hold 3+ check-ins"),
        (CaseloadFilter.Paused, "paused", "Paused"),
        (CaseloadFilter.Unreachable, "unreachable", "Check-ins not reaching"),
    ];

    public static bool TryFilter(string? name, out CaseloadFilter filter)
    {
        var match = Filters.FirstOrDefault(f => string.Equals(f.Name, name ?? "all", StringComparison.Ordinal));
        filter = match.Filter;
        return match.Name is not null;
    }

    public static string FilterName(CaseloadFilter filter) => Filters.First(f => f.Filter == filter).Name;

    public static string Render(HttpContext context, IAntiforgery antiforgery, CaseloadRequest request, CaseloadPage page, DateTimeOffset now, TimeZoneInfo zone, string? notice)
    {
        var body = new StringBuilder("<h1>Patients</h1>");
        if (notice is not null)
        {
            body.Append("<p class=\"notice\" role=\"status\">").Append(E(notice)).Append("</p>");
        }

        body.Append("<nav aria-label=\"Whose patients\"><p>");
        foreach (var (scope, label) in new[] { ("mine", "My patients"), ("all", "All patients"), ("unassigned", "Not assigned") })
        {
            body.Append(Link(request with { Scope = scope, Page = 1 }, label, string.Equals(scope, request.Scope, StringComparison.Ordinal))).Append(' ');
        }

        body.Append("</p></nav><nav aria-label=\"Filters\"><ul class=\"filters\">");
        foreach (var (filter, _, label) in Filters)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{label} ({page.Counts[filter]})");
            body.Append("<li>").Append(Link(request with { Filter = filter, Page = 1 }, text, filter == request.Filter)).Append("</li>");
        }

        body.Append("</ul></nav>");
        body.Append("<form method=\"get\" action=\"/coach/patients\" class=\"search\" role=\"search\">");
        body.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"scope\" value=\"{E(request.Scope)}\"><input type=\"hidden\" name=\"filter\" value=\"{FilterName(request.Filter)}\">");
        body.Append("<label for=\"q\">Name</label> <input id=\"q\" name=\"q\" type=\"search\" value=\"").Append(E(request.Search)).Append("\"> ");
        body.Append(CultureInfo.InvariantCulture, $"<label for=\"quiet\">Quiet after (days)</label> <input id=\"quiet\" name=\"quiet\" type=\"number\" min=\"1\" max=\"365\" value=\"{request.QuietDays}\"> ");
        body.Append("<button type=\"submit\">Show</button></form>");
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"caseload-total\" data-total=\"{page.Total}\">{page.Total} patients match. Those needing attention first. Times are {E(zone.Id)}.</p>");
        if (page.Rows.Count == 0)
        {
            body.Append(string.Equals(request.Scope, "mine", StringComparison.Ordinal)
                ? "<p>No patients here. Patients are assigned to you from <a href=\"/coach/patients?scope=unassigned\">Not assigned</a>.</p>"
                : "<p>No patients here.</p>");
            return body.ToString();
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var token = Token(context, antiforgery) + "<input type=\"hidden\" name=\"back\" value=\"" + E(Url(request)) + "\">";
        body.Append("<table class=\"caseload\"><caption class=\"visually-hidden\">Patients</caption><thead><tr><th scope=\"col\">Patient</th><th scope=\"col\">Stage</th><th scope=\"col\">Last check-in</th>");
        body.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">Sessions, 2 weeks (plan {PlannedSessions})</th><th scope=\"col\">Pain trend</th><th scope=\"col\">Open items</th><th scope=\"col\">Check-ins reach them</th><th scope=\"col\">Responsible coach</th></tr></thead><tbody>");
        for (var index = 0; index < page.Rows.Count; index++)
        {
            var row = page.Rows[index];
            var score = CaseloadQuery.AttentionScore(row, now, request.QuietDays);
            body.Append(CultureInfo.InvariantCulture, $"<tr class=\"patient{(score > 0 ? " attention" : string.Empty)}\" data-patient=\"{E(row.PatientId)}\" data-attention=\"{score}\">");
            body.Append(CultureInfo.InvariantCulture, $"<td><a href=\"{E(Web.Pages.PatientUrl(row.PatientId))}\">{E(row.Name ?? row.PatientId)}</a>");
            body.Append(CultureInfo.InvariantCulture, $"<br><small>active {E(Duration(now - row.LastActiveAt))} ago</small></td>");
            body.Append("<td>").Append(E(Stage(row))).Append("</td><td>");
            if (row.LastCheckIn is { } last)
            {
                body.Append(CultureInfo.InvariantCulture, $"{E(Time(last.At, zone))}<br>pain {last.Pain}/10, {E(last.Decision.ToString().ToLowerInvariant())}");
                if (row.HoldRun >= CaseloadQuery.HoldRunLimit)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<br><strong>hold {row.HoldRun} in a row</strong>");
                }
            }
            else
            {
                body.Append("none yet");
            }

            var sessions = row.SessionsInLast2Weeks(today);
            body.Append(CultureInfo.InvariantCulture, $"</td><td data-sessions=\"{sessions}\">{sessions} of {PlannedSessions}</td>");
            body.Append("<td>").Append(Sparkline.Render(row)).Append("</td>");
            body.Append("<td>").Append(OpenItems(row)).Append("</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td data-reach=\"{(row.CheckInsReach ? "yes" : "no")}\">{(row.CheckInsReach ? "yes" : row.CheckInsActive ? "<strong>no: could not reach</strong>" : "<strong>no: patient said stop</strong>")}</td>");
            var field = "coach-" + index.ToString(CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"<td><form method=\"post\" action=\"{E(Web.Pages.PatientUrl(row.PatientId))}/assign\" class=\"inline\">{token}");
            body.Append(CultureInfo.InvariantCulture, $"<label class=\"visually-hidden\" for=\"{field}\">Responsible coach for {E(row.Name ?? row.PatientId)}</label>");
            body.Append(CultureInfo.InvariantCulture, $"<input id=\"{field}\" name=\"coach\" type=\"email\" size=\"18\" value=\"{E(row.Coach)}\" placeholder=\"nobody\"> <button type=\"submit\">Assign</button></form></td></tr>");
        }

        body.Append("</tbody></table>");
        Pager(body, request, page);
        return body.ToString();
    }

    public static string Stage(CaseloadRow row) => row switch
    {
        { Onboarded: false } => "onboarding",
        { ClearancePending: true } => "waiting for clearance",
        { Phase: "paused" } => "paused",
        { Phase: "returnladder" } => "return ladder, step " + row.LadderStep.ToString(CultureInfo.InvariantCulture),
        { Phase: "deload" } => "deload",
        { Phase: null } => "not started",
        _ => "training",
    };

    private static string OpenItems(CaseloadRow row)
    {
        var items = new List<string>();
        foreach (var group in row.OpenEscalations.Where(e => !e.IsClearance).GroupBy(e => e.Level).OrderByDescending(g => g.Key))
        {
            var level = group.Key.ToString().ToLowerInvariant();
            items.Add(string.Create(CultureInfo.InvariantCulture, $"<span class=\"level level-{level}\">{group.Count()} {level}</span>"));
        }

        if (row.ClearancePending)
        {
            items.Add("clearance request");
        }

        if (row.OpenNotes > 0)
        {
            items.Add(string.Create(CultureInfo.InvariantCulture, $"{row.OpenNotes} note{(row.OpenNotes == 1 ? string.Empty : "s")}"));
        }

        return items.Count == 0 ? "none" : string.Join("<br>", items);
    }

    private static void Pager(StringBuilder body, CaseloadRequest request, CaseloadPage page)
    {
        if (page.Pages <= 1)
        {
            return;
        }

        body.Append("<nav aria-label=\"Pages\" class=\"pager\"><p>");
        if (page.Page > 1)
        {
            body.Append(Link(request with { Page = page.Page - 1 }, "Previous", false)).Append(' ');
        }

        body.Append(CultureInfo.InvariantCulture, $"Page {page.Page} of {page.Pages} ");
        if (page.Page < page.Pages)
        {
            body.Append(Link(request with { Page = page.Page + 1 }, "Next", false));
        }

        body.Append("</p></nav>");
    }

    public static string Url(CaseloadRequest request)
    {
        var url = new StringBuilder("/coach/patients?scope=").Append(Uri.EscapeDataString(request.Scope)).Append("&filter=").Append(FilterName(request.Filter));
        if (request.QuietDays != CaseloadQuery.DefaultQuietDays)
        {
            url.Append(CultureInfo.InvariantCulture, $"&quiet={request.QuietDays}");
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            url.Append("&q=").Append(Uri.EscapeDataString(request.Search));
        }

        if (request.Page > 1)
        {
            url.Append(CultureInfo.InvariantCulture, $"&page={request.Page}");
        }

        return url.ToString();
    }

    private static string Link(CaseloadRequest request, string text, bool current) =>
        current
            ? $"<a href=\"{E(Url(request))}\" aria-current=\"page\"><strong>{E(text)}</strong></a>"
            : $"<a href=\"{E(Url(request))}\">{E(text)}</a>";
}
