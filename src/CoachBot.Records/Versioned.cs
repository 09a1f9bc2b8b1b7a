namespace CoachBot.Records;

/// <summary>A typed document and the ETag it was read with (pass it back to replace it).</summary>
/// <typeparam name="T">The document type.</typeparam>
/// <param name="Value">The document.</param>
/// <param name="ETag">The stored ETag.</param>
public sealed record Versioned<T>(T Value, string ETag);
