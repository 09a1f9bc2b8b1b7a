namespace CoachBot.Conversation;

/// <summary>A persisted dialog whose definition changed (or disappeared) since it began.</summary>
/// <param name="DialogId">The persisted dialog id.</param>
/// <param name="StoredVersion">The version stored with the instance.</param>
/// <param name="CurrentVersion">The version of the registered dialog, or null when no dialog has that id any more.</param>
public sealed record DialogVersionChange(string DialogId, string? StoredVersion, string? CurrentVersion);
