using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Protocol.Hosting;

/// <summary>
/// Who may call POST /api/messages: decided once from <c>MicrosoftAppId</c>, <c>Bot:AllowAnonymous</c>,
/// <c>Bot:AllowEmulatorTokens</c> and the environment. Anonymous access and Emulator tokens are on by default in
/// Development only; anywhere else they need their setting, and anonymous access is never on with an app id.
/// </summary>
public sealed class InboundAccess
{
    /// <summary>The key that allows anonymous requests.</summary>
    public const string AllowAnonymousKey = BotRuntimeOptions.SectionName + ":" + nameof(BotRuntimeOptions.AllowAnonymous);

    /// <summary>The key that allows Emulator tokens.</summary>
    public const string AllowEmulatorTokensKey = BotRuntimeOptions.SectionName + ":" + nameof(BotRuntimeOptions.AllowEmulatorTokens);

    /// <summary>Reads the settings; <paramref name="environment"/> null counts as not Development.</summary>
    public InboundAccess(IOptions<BotRuntimeOptions> options, IConfiguration? configuration, IHostEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        IsDevelopment = environment?.IsDevelopment() == true;
        EnvironmentName = environment?.EnvironmentName ?? "Production";
        AppIdConfigured = !string.IsNullOrWhiteSpace(configuration?["MicrosoftAppId"]);
        AnonymousExplicit = o.AllowAnonymous is not null;
        AllowsAnonymous = !AppIdConfigured && (o.AllowAnonymous ?? IsDevelopment);
        EmulatorExplicit = o.AllowEmulatorTokens is not null;
        AllowsEmulatorTokens = o.AllowEmulatorTokens ?? IsDevelopment;
    }

    /// <summary>True when a <c>MicrosoftAppId</c> is configured (Bot Framework tokens required).</summary>
    public bool AppIdConfigured { get; }

    /// <summary>True when requests without an Authorization header are accepted.</summary>
    public bool AllowsAnonymous { get; }

    /// <summary>True when Emulator (Entra-issued) tokens are accepted.</summary>
    public bool AllowsEmulatorTokens { get; }

    private bool IsDevelopment { get; }

    private string EnvironmentName { get; }

    private bool AnonymousExplicit { get; }

    private bool EmulatorExplicit { get; }

    /// <summary>Writes the access decision to the start-up log: a warning when a setting opened access outside Development.</summary>
    public void Log(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (AppIdConfigured)
        {
            if (!AllowsEmulatorTokens)
            {
                logger.LogInformation("POST /api/messages accepts Bot Framework channel tokens for MicrosoftAppId only; Emulator tokens are refused.");
            }
            else if (IsDevelopment && !EmulatorExplicit)
            {
                logger.LogInformation("POST /api/messages accepts Bot Framework channel tokens and, in Development, Emulator tokens (set {Key}=false to refuse them).", AllowEmulatorTokensKey);
            }
            else
            {
                logger.LogWarning("{Key} is true: POST /api/messages accepts Emulator tokens in the {Environment} environment; replies to their serviceUrl carry no bot token.", AllowEmulatorTokensKey, EnvironmentName);
            }

            return;
        }

        if (!AllowsAnonymous)
        {
            logger.LogInformation("POST /api/messages refuses every request (401): no MicrosoftAppId is configured and {Key} is not true. The built-in Direct Line does not need it.", AllowAnonymousKey);
        }
        else if (IsDevelopment && !AnonymousExplicit)
        {
            logger.LogInformation("POST /api/messages accepts anonymous requests (Development default, no MicrosoftAppId): for a local Emulator. Set {Key}=false to refuse them.", AllowAnonymousKey);
        }
        else
        {
            logger.LogWarning("{Key} is true: POST /api/messages accepts requests WITHOUT credentials from anyone who can reach it, in the {Environment} environment. Anyone can then act as any channel and user. Use it only behind a network boundary.", AllowAnonymousKey, EnvironmentName);
        }
    }
}

/// <summary>Fails start-up when anonymous access is asked for together with an app id.</summary>
internal sealed class InboundAccessValidator(IConfiguration? configuration) : IValidateOptions<BotRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, BotRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AllowAnonymous == true && !string.IsNullOrWhiteSpace(configuration?["MicrosoftAppId"])
            ? ValidateOptionsResult.Fail($"{InboundAccess.AllowAnonymousKey} is true but MicrosoftAppId is set: anonymous access is never on with an app id. Remove {InboundAccess.AllowAnonymousKey}, or MicrosoftAppId for a web-chat-only bot.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>Logs who may call POST /api/messages when the host starts.</summary>
internal sealed class InboundAccessStartupLog(InboundAccess access, ILogger<InboundAccess> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        access.Log(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
