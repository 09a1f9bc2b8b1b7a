using System.Security.Claims;
using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Turns;

/// <summary>
/// Runs one inbound activity as a turn. POST /api/messages calls it after authentication; an
/// in-process channel (the built-in Direct Line) may call it directly with the same activity JSON.
/// </summary>
public interface IActivityProcessor
{
    /// <summary>Processes the activity; returns the invoke response for invoke activities, else null.</summary>
    Task<InvokeResponse?> ProcessActivityAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken = default);
}
