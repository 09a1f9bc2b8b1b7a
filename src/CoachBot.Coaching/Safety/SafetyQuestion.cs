namespace CoachBot.Coaching.Safety;

/// <summary>
/// A targeted red-flag question, asked when a message names a symptom without enough for a rule ("numb" alone).
/// </summary>
/// <param name="Name">The question's name in rules.json.</param>
/// <param name="When">When to ask; its id and flag are what a yes (or not sure) to the question means.</param>
/// <param name="MessageKey">The message key of the question in content/messages.</param>
public sealed record SafetyQuestion(string Name, ConceptRule When, string MessageKey);
