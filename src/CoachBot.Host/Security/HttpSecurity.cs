using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CoachBot.Channels.DirectLine;
using CoachBot.Channels.WebChat;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Security;

/// <summary>
/// The host's HTTP defences: rate limits (<c>RateLimits</c>), forwarded headers from configured proxies only
/// (<c>ForwardedHeaders</c>), HSTS outside Development, and <c>Cache-Control: no-store</c> on every response that can
/// carry patient data.
/// </summary>
public static partial class HttpSecurity
{
    /// <summary>Paths whose responses carry patient data, tokens or coach pages: never cached anywhere.</summary>
    private static readonly string[] NoStorePrefixes = ["/coach", "/v3/directline", "/api/webchat", "/api/messages"];

    /// <summary>Registers the settings (checked at start), the rate limiter, forwarded headers and HSTS.</summary>
    public static IServiceCollection AddHttpSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RateLimitSettings>().Bind(configuration.GetSection(RateLimitSettings.SectionName)).ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>().Bind(configuration.GetSection(ForwardedHeadersSettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitSettings>, RateLimitSettingsValidator>();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>, ILoggerFactory>((options, settings, logs) =>
        {
            var limits = settings.Value;
            var log = logs.CreateLogger(typeof(HttpSecurity).FullName!);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
            options.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, log, cancellationToken);
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            // The framework trusts loopback by default; only what the settings list is trusted here.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardLimit = null; // each hop is checked against the lists; the first unknown one stops the walk
            foreach (var proxy in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>
    /// Adds the middleware, in order: forwarded headers (only when proxies are configured; otherwise the headers are
    /// ignored), HSTS outside Development, no-store, routing, the rate limiter, authentication and authorization.
    /// </summary>
    public static WebApplication UseHttpSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpSecurity).FullName!);
        if (forwarded.Configured)
        {
            app.UseForwardedHeaders();
            LogForwardedHeaders(log, string.Join(", ", forwarded.KnownProxies.Concat(forwarded.KnownNetworks)));
        }
        else
        {
            LogForwardedHeadersIgnored(log);
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(NoStore);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static Task NoStore(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (NoStorePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitSettings limits)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var method = context.Request.Method;
        var (name, limit, key) = (method, route) switch
        {
            ("POST", WebChatPageEndpoints.TokenPath) => ("webchat-token", limits.WebChatToken, ClientAddress(context)),
            ("POST", DirectLineEndpoints.BasePath + "/conversations") => ("directline-conversation", limits.DirectLineConversation, ClientAddress(context)),
            ("POST", DirectLineEndpoints.BasePath + "/tokens/generate") => ("directline-conversation", limits.DirectLineConversation, ClientAddress(context)),
            ("POST", DirectLineEndpoints.BasePath + "/conversations/{conversationId}/activities") => ("directline-activity", limits.DirectLineActivity, Conversation(context)),
            ("GET", DirectLineEndpoints.BasePath + "/conversations/{conversationId}/stream") => ("directline-stream", limits.DirectLineStream, Conversation(context)),
            ("POST", "/coach/login") => ("coach-login", limits.CoachLogin, ClientAddress(context)),
            _ => (null, null, null),
        };
        if (name is null || limit is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.GetFixedWindowLimiter(name + "|" + key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string Conversation(HttpContext context) => context.Request.RouteValues["conversationId"] as string ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, ILogger log, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(none)";
        LogRejected(log, context.Request.Method, route);
        if (context.Request.Path.StartsWithSegments(DirectLineEndpoints.BasePath, StringComparison.Ordinal))
        {
            // The Direct Line error shape, which Web Chat reads.
            await context.Response.WriteAsJsonAsync(new { error = new { code = "Throttled", message = "Too many requests. Try again later." } }, cancellationToken).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Too many requests. Try again later.", cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached: {Method} {Route} answered 429")]
    private static partial void LogRejected(ILogger logger, string method, string route);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are honoured only from {Proxies}")]
    private static partial void LogForwardedHeaders(ILogger logger, string proxies);

    [LoggerMessage(Level = LogLevel.Information, Message = "No ForwardedHeaders:KnownProxies or KnownNetworks: X-Forwarded-* headers are ignored")]
    private static partial void LogForwardedHeadersIgnored(ILogger logger);
}
