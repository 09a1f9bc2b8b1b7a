using System.Text.Json.Serialization;

namespace CoachBot.Records;

/// <summary>
/// A hold on the programme after the pre-exercise screening (clinical rules 9.1), and its release: a coach's recorded
/// clearance, or the patient's report that their doctor agreed (recorded as such, with the date).
/// </summary>
public sealed record TrainingClearance
{
    /// <summary>The screening rules that asked for clearance (for example <c>SX-1</c>, <c>PS-2</c>).</summary>
    public required IReadOnlyList<string> RuleIds { get; init; }

    /// <summary>Why, in plain words for the coach.</summary>
    public required string Reason { get; init; }

    /// <summary>When the hold started.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When it was released; null while the programme is held.</summary>
    public DateTimeOffset? ClearedAt { get; init; }

    /// <summary>Who released it: a coach's login, or <see cref="PatientReport"/>.</summary>
    public string? ClearedBy { get; init; }

    /// <summary>The coach's note, or the patient's words.</summary>
    public string? Note { get; init; }

    /// <summary>True once the patient has been told the programme is released.</summary>
    public bool PatientTold { get; init; }

    /// <summary>The <see cref="ClearedBy"/> of a release on the patient's report that their doctor agreed.</summary>
    public const string PatientReport = "patient: my doctor said yes";

    /// <summary>True while the programme is held.</summary>
    [JsonIgnore]
    public bool Pending => ClearedAt is null;
}
