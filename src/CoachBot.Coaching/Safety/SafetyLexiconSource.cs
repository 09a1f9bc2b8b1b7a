namespace CoachBot.Coaching.Safety;

/// <summary>One lexicon document: its name (for error messages, usually the file name) and its JSON text.</summary>
/// <param name="Name">Where the text came from, for example <c>rules.json</c>.</param>
/// <param name="Json">The JSON text.</param>
public sealed record SafetyLexiconSource(string Name, string Json);
