using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using static CoachBot.CoachReview.Web.Html;

namespace CoachBot.CoachReview.Inbox;

/// <summary>The HTML of <c>/coach/inbox</c> (also sent alone by <c>/coach/live/inbox</c>).</summary>
internal static class InboxView
{
    public static string Render(HttpContext context, IAntiforgery antiforgery, IReadOnlyList<InboxItem> items, bool all, TimeZoneInfo zone, string? notice)
    {
        var body = new StringBuilder(Caseload.CaseloadEndpoints.Style).Append("<h1>Inbox</h1>");
        if (notice is not null)
        {
            body.Append("<p class=\"notice\" role=\"status\">").Append(E(notice)).Append("</p>");
        }

        body.Append(all
            ? "<p><a href=\"/coach/inbox\">Mine</a> | <a href=\"/coach/inbox?scope=all\" aria-current=\"page\"><strong>Everyone's</strong></a></p>"
            : "<p><a href=\"/coach/inbox\" aria-current=\"page\"><strong>Mine</strong></a> (my patients, those not assigned, and conversations I hold) | <a href=\"/coach/inbox?scope=all\">Everyone's</a></p>");
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"inbox-total\" data-total=\"{items.Count}\">{items.Count} to do, oldest first. Times are {E(zone.Id)}.</p>");
        if (items.Count == 0)
        {
            return body.Append("<p>Nothing to do.</p>").ToString();
        }

        var token = Token(context, antiforgery);
        body.Append("<ul class=\"inbox\">");
        foreach (var item in items)
        {
            var name = item.Row.Name ?? item.Row.PatientId;
            var action = item.Kind == "note"
                ? "/coach/inbox/notes/" + Uri.EscapeDataString(item.Id) + "/done"
                : "/coach/inbox/replies/" + Uri.EscapeDataString(item.Id) + "/done";
            body.Append(CultureInfo.InvariantCulture, $"<li class=\"inbox-item\" data-kind=\"{item.Kind}\" data-patient=\"{E(item.Row.PatientId)}\"><section><h2>");
            body.Append(CultureInfo.InvariantCulture, $"{(item.Kind == "note" ? "Note" : "Reply")} from <a href=\"{E(Web.Pages.PatientUrl(item.Row.PatientId))}\">{E(name)}</a>, {E(Time(item.At, zone))}</h2>");
            foreach (var message in item.Messages)
            {
                body.Append("<blockquote>").Append(E(message)).Append("</blockquote>");
            }

            if (item.Conversation.Count > 0)
            {
                body.Append("<details><summary>Conversation since the last check-in</summary><div class=\"transcript\">");
                foreach (var (at, fromPatient, text) in item.Conversation)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<p class=\"{(fromPatient ? "from-patient" : "from-bot")}\"><small>{E(Time(at, zone))}</small> <strong>{(fromPatient ? E(name) : "To the patient")}:</strong> {E(text)}</p>");
                }

                body.Append("</div></details>");
            }

            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(action)}\">{token}<button type=\"submit\">Mark done: {E(name)}</button></form></section></li>");
        }

        return body.Append("</ul>").ToString();
    }
}
