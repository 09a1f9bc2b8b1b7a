using CoachBot.Content;

namespace CoachBot.Host;

/// <summary>
/// Serves the exercise pictures and a clinic's own pictures or videos from the content folder at
/// <c>/content/{path}</c>, so Web Chat and Teams can show them in cards. Only media types are served (SVG, PNG, JPEG,
/// GIF, WebP, MP4, WebM), never messages, lessons or safety lists, and never a path outside the content folder.
/// </summary>
internal static class ContentMediaEndpoints
{
    public static IEndpointRouteBuilder MapContentMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/content/{**path}", (string path, CoachBotContent content, HttpContext context) =>
        {
            var full = ExerciseGuideCatalog.MediaPath(content.Root, path);
            if (full is null || !File.Exists(full))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(full, ExerciseGuideCatalog.MediaTypes[Path.GetExtension(full)], enableRangeProcessing: true);
        }).AllowAnonymous();
        return endpoints;
    }
}
