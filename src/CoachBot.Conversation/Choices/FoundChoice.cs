namespace CoachBot.Conversation.Choices;

/// <summary>A recognised choice.</summary>
/// <param name="Value">The choice's value.</param>
/// <param name="Index">Its 0-based position in the list.</param>
/// <param name="Score">1 for an exact match of the whole answer, lower for a match inside a longer answer.</param>
/// <param name="Synonym">The value, title or synonym that matched (null for ordinal or number matches).</param>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym = null);
