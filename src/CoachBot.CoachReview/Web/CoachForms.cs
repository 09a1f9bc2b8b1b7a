using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace CoachBot.CoachReview.Web;

/// <summary>Reads the coach pages' POSTed forms.</summary>
internal static class CoachForms
{
    /// <summary>The form, when it carries a valid antiforgery token; null otherwise.</summary>
    public static async Task<IFormCollection?> ReadValidFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
