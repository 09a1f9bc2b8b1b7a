namespace CoachBot.Content;

/// <summary>One crisis support line.</summary>
/// <param name="Name">The service's name, as the patient would look it up.</param>
/// <param name="Number">The number to call, as written locally.</param>
/// <param name="CanText">Whether the same number also takes text messages.</param>
public sealed record CrisisLine(string Name, string Number, bool CanText);
