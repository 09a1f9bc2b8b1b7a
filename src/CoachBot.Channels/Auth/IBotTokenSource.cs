namespace CoachBot.Channels.Auth;

/// <summary>Fetches a fresh bot token from the identity platform (no caching here).</summary>
internal interface IBotTokenSource
{
    Task<AcquiredToken> AcquireAsync(CancellationToken cancellationToken);
}

/// <summary>A token and how long it stays valid from the moment it was received.</summary>
internal sealed record AcquiredToken(string Value, TimeSpan Lifetime);
