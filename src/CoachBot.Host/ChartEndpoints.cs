using CoachBot.Dialogs.Actions;
using CoachBot.Storage;

namespace CoachBot.Host;

/// <summary>
/// Serves a patient's progress chart at <c>/charts/{owner}/{token}.png</c> for Teams, which fetches card images over
/// https (<see cref="ChartLinks"/>). Anonymous, as Teams fetches it without a user: the random token is the key, and an
/// address stops working when the patient's next chart replaces it or after <see cref="ChartLinks.Lifetime"/>.
/// </summary>
internal static class ChartEndpoints
{
    public static IEndpointRouteBuilder MapProgressCharts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ChartLinks.PathPrefix + "{owner}/{token}.png", async (string owner, string token, IStorage storage, TimeProvider time, HttpContext context, CancellationToken cancellationToken) =>
        {
            var png = await ChartLinks.FindAsync(storage, owner, token, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (png is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, max-age=3600";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(png, "image/png");
        }).AllowAnonymous();
        return endpoints;
    }
}
