namespace CoachBot.Records;

/// <summary>One entry of an <see cref="AppendOnlyLog{T}"/> stream.</summary>
/// <typeparam name="T">The entry type.</typeparam>
/// <param name="Sequence">1, 2, 3 … within the stream, in the order the entries were appended.</param>
/// <param name="Value">The entry.</param>
public sealed record LogEntry<T>(long Sequence, T Value);
