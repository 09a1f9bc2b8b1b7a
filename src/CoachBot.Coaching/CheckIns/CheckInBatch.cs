namespace CoachBot.Coaching.CheckIns;

/// <summary>The check-ins read from one JSON document: a single object, or an array of objects.</summary>
/// <param name="IsArray">True when the document was an array (the output should be an array too).</param>
/// <param name="Items">The check-ins, in document order.</param>
public sealed record CheckInBatch(bool IsArray, IReadOnlyList<CheckInInput> Items);
