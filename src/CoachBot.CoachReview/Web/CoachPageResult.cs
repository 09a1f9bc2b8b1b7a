using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.CoachReview.Web;

/// <summary>
/// A coach page (or a page's content alone) rendered on the server with <see cref="HtmlRenderer"/> (static, no
/// interactivity). The request's antiforgery field is cascaded to every <see cref="FormToken"/> in the page's forms.
/// </summary>
internal sealed class CoachPageResult(AntiforgeryField? token, RenderFragment content, int status) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => status;

    public string ContentType => "text/html; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var services = httpContext.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(CascadingValue<AntiforgeryField>.Value)] = token,
            [nameof(CascadingValue<AntiforgeryField>.IsFixed)] = true,
            [nameof(CascadingValue<AntiforgeryField>.ChildContent)] = content,
        });
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<CascadingValue<AntiforgeryField?>>(parameters)).ToHtmlString()).ConfigureAwait(false);
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = ContentType;
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>The name and value of a form's hidden antiforgery field.</summary>
public sealed record AntiforgeryField(string Name, string Value);
