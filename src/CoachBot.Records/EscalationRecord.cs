using System.Text.Json.Serialization;
using CoachBot.Coaching.Policy;

namespace CoachBot.Records;

/// <summary>Something a human must act on: who, how urgent, why, the patient's own words, and its status.</summary>
public sealed record EscalationRecord
{
    /// <summary>The escalation id (sortable by time).</summary>
    public required string Id { get; init; }

    /// <summary>The patient.</summary>
    public required string PatientId { get; init; }

    /// <summary>Routine, urgent or emergency.</summary>
    public required Escalation Level { get; init; }

    /// <summary>The rules behind it (for example <c>RF-1</c>, <c>DS-2</c>, or <c>COACH-REQUEST</c>).</summary>
    public required IReadOnlyList<string> RuleIds { get; init; }

    /// <summary>A plain reason for the coach.</summary>
    public required string Reason { get; init; }

    /// <summary>An excerpt of the patient's words that raised it, when any (at most <c>Escalations:MaxPatientWords</c> characters).</summary>
    public string? PatientWords { get; init; }

    /// <summary>
    /// Escalations of the same level the same conversation raised after this one once its cap was reached: counted
    /// here instead of being raised (the coach sees "and N more").
    /// </summary>
    public int MoreRaised { get; init; }

    /// <summary>When the last of <see cref="MoreRaised"/> came in.</summary>
    public DateTimeOffset? LastMoreAt { get; init; }

    /// <summary>The rules behind the last of <see cref="MoreRaised"/>.</summary>
    public IReadOnlyList<string>? LastMoreRuleIds { get; init; }

    /// <summary>When it was raised.</summary>
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>The status.</summary>
    public EscalationStatus Status { get; init; } = EscalationStatus.Open;

    /// <summary>Who last changed the status.</summary>
    public string? StatusBy { get; init; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? StatusAt { get; init; }

    /// <summary>The ETag the record was read with; not stored.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }
}
