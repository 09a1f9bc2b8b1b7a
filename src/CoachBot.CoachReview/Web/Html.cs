using System.Globalization;
using CoachBot.CoachReview.Actions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace CoachBot.CoachReview.Web;

/// <summary>Small helpers for the coach pages (Razor components rendered by <see cref="CoachPageResult"/>): the page headers, times and durations.</summary>
internal static class Html
{
    /// <summary>The Content-Security-Policy of coach pages: scripts only from this site (/coach/live.js), forms only to this site.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The styles of every coach page.</summary>
    internal const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
        header{background:#1f3b5c;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
        header a{color:#fff}header form{margin-left:auto}
        main{padding:1rem 1.2rem;max-width:1200px}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{border:1px solid #d5d9de;padding:.4rem .5rem;text-align:left;vertical-align:top;font-size:.92rem}
        th{background:#eef1f4}
        .level{font-weight:700;text-transform:uppercase;font-size:.8rem;padding:.1rem .4rem;border-radius:3px;color:#fff}
        .level-emergency{background:#b71c1c}.level-urgent{background:#e65100}.level-routine{background:#546e7a}
        .row-emergency td{background:#ffebee}.row-urgent td{background:#fff3e0}
        .overdue{color:#b71c1c;font-weight:700}
        .words{font-style:italic}
        .notice{background:#e8f5e9;border:1px solid #81c784;padding:.5rem .8rem;margin:.5rem 0}
        .error{background:#ffebee;border:1px solid #e57373;padding:.5rem .8rem;margin:.5rem 0}
        .transcript{background:#fff;border:1px solid #d5d9de;padding:.5rem;max-height:40rem;overflow:auto}
        .transcript p{margin:.25rem 0}.from-patient{color:#0d47a1}.from-bot{color:#333}
        form.inline{display:inline}
        textarea{width:100%;max-width:40rem}
        section{margin-bottom:1.5rem}
        a.button{display:inline-block;background:#1f3b5c;color:#fff;padding:.5rem .9rem;border-radius:4px;text-decoration:none}
        """;

    public static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min");
    }

    /// <summary>A number in an SVG attribute: invariant, at most one decimal.</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A whole page (<see cref="CoachPage"/>) with the coach header (or none, for the login page) around a component's content.</summary>
    public static IResult Page(HttpContext context, IAntiforgery antiforgery, string title, CoachIdentity? coach, RenderFragment body, int status = StatusCodes.Status200OK)
    {
        var frame = Component<CoachPage>(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(CoachPage.Title)] = title,
            [nameof(CoachPage.Coach)] = coach,
            [nameof(CoachPage.ChildContent)] = body,
        });
        SetHeaders(context);
        return new CoachPageResult(coach is null ? null : TokenOf(context, antiforgery), frame, status);
    }

    /// <summary>A page's content alone, without the frame (what <c>/coach/live/...</c> sends for live.js to put in <c>main</c>).</summary>
    public static IResult Fragment(HttpContext context, IAntiforgery antiforgery, RenderFragment body)
    {
        SetHeaders(context);
        return new CoachPageResult(TokenOf(context, antiforgery), body, StatusCodes.Status200OK);
    }

    /// <summary>A component with its parameters, as content for <see cref="Page(HttpContext, IAntiforgery, string, CoachIdentity?, RenderFragment, int)"/>.</summary>
    public static RenderFragment Component<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent => builder =>
        {
            builder.OpenComponent<TComponent>(0);
            foreach (var (name, value) in parameters)
            {
                builder.AddComponentParameter(1, name, value);
            }

            builder.CloseComponent();
        };

    private static AntiforgeryField TokenOf(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? string.Empty);
    }

    private static void SetHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
