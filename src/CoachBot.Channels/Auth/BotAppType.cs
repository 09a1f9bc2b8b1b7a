namespace CoachBot.Channels.Auth;

/// <summary>How the bot's Entra app is set up (<c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    /// <summary>An app in one tenant (<c>MicrosoftAppTenantId</c>); the default here, as new multi-tenant bots are deprecated.</summary>
    SingleTenant,

    /// <summary>A multi-tenant app; outbound tokens come from the botframework.com tenant.</summary>
    MultiTenant,

    /// <summary>A user-assigned managed identity (Azure hosting only); no password.</summary>
    UserAssignedMSI,
}
