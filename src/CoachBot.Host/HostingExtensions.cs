using CoachBot.Channels.Auth;
using CoachBot.Channels.DirectLine;
using CoachBot.Channels.WebChat;
using CoachBot.CoachReview;
using CoachBot.CoachReview.Web;
using CoachBot.Dialogs;
using CoachBot.Dialogs.Exercises;
using CoachBot.Host.Security;
using CoachBot.Host.Telemetry;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Hosting;
using CoachBot.Records;
using CoachBot.Scheduling;
using CoachBot.Storage.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Host;

/// <summary>The composition root: every part of CoachBot is registered and mapped here, in one place.</summary>
public static class HostingExtensions
{
    /// <summary>Registers storage, the bot runtime, the patient conversations and the channels.</summary>
    public static WebApplicationBuilder AddCoachBot(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var contentRoot = ContentRootResolver.Resolve(configuration, builder.Environment);

        // Order matters: storage before the runtime (the runtime only adds a default store when none is
        // registered), the runtime before the built-in Direct Line (which wraps the connector client).
        builder.Services.AddCoachBotStorage(configuration);
        builder.Services.AddTranscriptRetention(configuration.GetSection(StorageOptions.SectionName));
        builder.Services.PostConfigure<StorageOptions>(o => o.Sqlite.Path = FromContentRoot(o.Sqlite.Path, builder.Environment));
        builder.Services.AddCoachBotDialogs(contentRoot);
        builder.Services.Configure<ExerciseMediaOptions>(configuration.GetSection("Content")); // Content:PublicBaseUrl
        builder.Services.AddBotRuntime();
        builder.Services.AddCoachBotScheduling(sp => sp.GetRequiredService<CoachBotBot>().BeginCheckInAsync); // section Scheduler
        builder.Services.AddBotFrameworkAuthentication(configuration);
        builder.Services.AddDirectLine(configuration);
        builder.Services.AddSharedDataProtection(configuration); // section DataProtection; before AddCoachReview, which defers the key ring
        builder.Services.AddCoachReview(configuration);
        builder.Services.AddSingleton(sp => TrustConfiguredServiceUrls(sp.GetRequiredService<IOptions<CoachReviewOptions>>().Value));
        builder.Services.AddHttpSecurity(configuration); // sections RateLimits, ForwardedHeaders
        builder.Services.AddCoachBotTelemetry();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        builder.Services.AddIdleMemoryTrimming(); // section Memory
        return builder;
    }

    /// <summary>
    /// A relative path from the settings, made absolute against the content root (the repository root under
    /// <c>dotnet run</c>), so that it does not depend on the folder the process was started from. See README.
    /// </summary>
    internal static string FromContentRoot(string path, IHostEnvironment environment) =>
        string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(path, environment.ContentRootPath);

    /// <summary>The bot's token may go to the service URL an operator configured for the coaches' Teams channel.</summary>
    private static TrustedServiceUrls TrustConfiguredServiceUrls(CoachReviewOptions coaches)
    {
        var trusted = new TrustedServiceUrls();
        if (coaches.TeamsChannel.Enabled)
        {
            trusted.AddConfigured(coaches.TeamsChannel.ServiceUrl);
        }

        return trusted;
    }

    /// <summary>
    /// Adds the HTTP defences (forwarded headers, HSTS, no-store, rate limits, authentication) and maps /api/messages,
    /// the Direct Line endpoint, the patient page, the coach pages, content media, progress charts and the health endpoints.
    /// </summary>
    public static WebApplication MapCoachBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHttpSecurity();
        app.MapBotMessages("/api/messages");
        app.MapDirectLine();
        app.MapWebChatPage();
        app.MapContentMedia();
        app.MapProgressCharts();
        app.MapCoachReview();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
