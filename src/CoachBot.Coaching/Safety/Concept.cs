namespace CoachBot.Coaching.Safety;

/// <summary>One clinical concept (a saddle-area word, a loss of feeling, a time close at hand...) and its lay terms.</summary>
/// <param name="Name">The concept's name in content/safety, for example <c>saddleRegion</c>.</param>
/// <param name="Terms">The terms that mention it.</param>
public sealed record Concept(string Name, IReadOnlyList<LexiconPhrase> Terms);
