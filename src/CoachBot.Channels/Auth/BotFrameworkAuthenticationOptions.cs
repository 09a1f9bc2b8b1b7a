namespace CoachBot.Channels.Auth;

/// <summary>
/// Bot Framework credentials and endpoints, bound from the flat root keys the SDK uses
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>)
/// plus the optional <c>BotOpenIdMetadata</c>, <c>EmulatorOpenIdMetadata</c> and <c>ToChannelFromBotLoginUrl</c>.
/// </summary>
public sealed class BotFrameworkAuthenticationOptions
{
    /// <summary>Bot Framework channel token issuer.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>Default OpenID metadata of channel tokens.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Default OpenID metadata of Emulator/Entra-issued tokens.</summary>
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Default authority host for outbound tokens.</summary>
    public const string DefaultLoginUrl = "https://login.microsoftonline.com";

    /// <summary>Scope of the outbound token.</summary>
    public const string OAuthScope = "https://api.botframework.com/.default";

    /// <summary>SingleTenant (default when missing), MultiTenant or UserAssignedMSI; case-insensitive.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The Entra app (client) id: the bot id, the expected audience and the Teams manifest botId.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret (never for UserAssignedMSI).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant (SingleTenant and UserAssignedMSI).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of channel tokens (<c>BotOpenIdMetadata</c>).</summary>
    public string BotOpenIdMetadata { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>OpenID metadata of Emulator/Entra tokens (<c>EmulatorOpenIdMetadata</c>).</summary>
    public string EmulatorOpenIdMetadata { get; set; } = DefaultEmulatorOpenIdMetadataUrl;

    /// <summary>Authority host for outbound tokens (<c>ToChannelFromBotLoginUrl</c>).</summary>
    public string ToChannelFromBotLoginUrl { get; set; } = DefaultLoginUrl;

    /// <summary>True when an app id is configured (authentication on).</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The parsed app type; missing means SingleTenant. Throws naming the key when unknown.</summary>
    public BotAppType AppType => string.IsNullOrWhiteSpace(MicrosoftAppType)
        ? BotAppType.SingleTenant
        : Enum.TryParse<BotAppType>(MicrosoftAppType.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type)
            ? type
            : throw new InvalidOperationException("MicrosoftAppType must be SingleTenant, MultiTenant or UserAssignedMSI.");
}
