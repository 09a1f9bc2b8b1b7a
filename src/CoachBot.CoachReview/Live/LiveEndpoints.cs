using System.Globalization;
using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Inbox;
using CoachBot.CoachReview.Queue;
using CoachBot.CoachReview.Web;
using CoachBot.Records.Caseload;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoachBot.CoachReview.Live;

/// <summary>
/// Live updates for the coach pages: <c>/coach/live/events</c> streams the header counts as server-sent events
/// whenever the caseload changes (in this process at once; in another process within <see cref="Poll"/>, through the
/// read model's change marker), <c>/coach/live/queue</c> and <c>/coach/live/inbox</c> give the pages' content
/// again, and <c>/coach/live.js</c> ties them together.
/// </summary>
internal static class LiveEndpoints
{
    /// <summary>How often an open stream looks at the change marker.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly Lazy<byte[]> Script = new(LoadScript);

    public static RouteGroupBuilder MapLive(this RouteGroupBuilder pages)
    {
        pages.MapGet("/live.js", ScriptAsync);
        pages.MapGet("/live/events", EventsAsync);
        pages.MapGet("/live/queue", QueueAsync).Audited(AuditActions.ViewQueue, "live");
        pages.MapGet("/live/inbox", InboxAsync).Audited(Caseload.CaseloadAuditActions.ViewInbox);
        return pages;
    }

    private static IResult ScriptAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(Script.Value, "text/javascript; charset=utf-8");
    }

    private static async Task EventsAsync(HttpContext context, CaseloadStore caseload, CaseloadUpdates updates, InboxItems inbox)
    {
        var coach = CoachIdentity.From(context.User);
        var token = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        using var signal = new SemaphoreSlim(0);
        void OnChanged(CaseloadRow row) => signal.Release();
        updates.Changed += OnChanged;
        try
        {
            string? sent = null;
            var quietSince = Environment.TickCount64;
            while (!token.IsCancellationRequested)
            {
                var mark = await caseload.ChangeMarkAsync(token).ConfigureAwait(false) ?? "none";
                if (!string.Equals(mark, sent, StringComparison.Ordinal))
                {
                    sent = mark;
                    var (queue, items) = await CountsAsync(caseload, inbox, coach, token).ConfigureAwait(false);
                    var data = string.Create(CultureInfo.InvariantCulture, $"{{\"queue\":{queue},\"inbox\":{items},\"version\":\"{Uri.EscapeDataString(mark)}\"}}");
                    await context.Response.WriteAsync("event: counts\ndata: " + data + "\n\n", token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
                    quietSince = Environment.TickCount64;
                }
                else if (Environment.TickCount64 - quietSince > KeepAlive.TotalMilliseconds)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
                    quietSince = Environment.TickCount64;
                }

                await signal.WaitAsync(Poll, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page was closed.
        }
        finally
        {
            updates.Changed -= OnChanged;
        }
    }

    /// <summary>The header counts: open queue items (everyone's), and the coach's inbox items.</summary>
    public static async Task<(int Queue, int Inbox)> CountsAsync(CaseloadStore caseload, InboxItems inbox, CoachIdentity coach, CancellationToken cancellationToken)
    {
        var rows = await caseload.RowsAsync(null, cancellationToken).ConfigureAwait(false);
        var queue = rows.Sum(r => r.Escalations.Count(e => e.Open && !e.IsClearance));
        var items = await inbox.ListAsync(rows, coach, all: false, cancellationToken).ConfigureAwait(false);
        return (queue, items.Count);
    }

    private static async Task<IResult> QueueAsync(HttpContext context, IAntiforgery antiforgery, QueueBuilder queue, CoachZone zone)
    {
        var items = await queue.ListAsync(context.RequestAborted).ConfigureAwait(false);
        return Html.Fragment(context, antiforgery, QueueEndpoints.Body(items, zone.Zone, null, null));
    }

    private static async Task<IResult> InboxAsync(HttpContext context, IAntiforgery antiforgery, CaseloadStore caseload, InboxItems inbox, CoachZone zone, string? scope)
    {
        var coach = CoachIdentity.From(context.User);
        var all = string.Equals(scope, "all", StringComparison.Ordinal);
        var rows = await caseload.RowsAsync(null, context.RequestAborted).ConfigureAwait(false);
        var items = await inbox.ListAsync(rows, coach, all, context.RequestAborted).ConfigureAwait(false);
        context.AuditNote().Detail = all ? "live all" : "live";
        return Html.Fragment(context, antiforgery, InboxEndpoints.Body(items, all, zone.Zone, null));
    }

    private static byte[] LoadScript()
    {
        using var stream = typeof(LiveEndpoints).Assembly.GetManifestResourceStream("CoachBot.CoachReview.Live.live.js")
            ?? throw new InvalidOperationException("The live.js resource is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
