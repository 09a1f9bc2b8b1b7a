using System.Text.Json.Serialization;

namespace CoachBot.Records.Caseload;

/// <summary>One index document: the rows of one coach's patients in one bucket, in patient id order.</summary>
public sealed record CaseloadIndexDocument
{
    [JsonPropertyName("rows")] public IReadOnlyList<CaseloadRow> Rows { get; init; } = [];

    /// <summary>This document with <paramref name="row"/> added or replaced.</summary>
    public CaseloadIndexDocument With(CaseloadRow row)
    {
        var rows = Rows.Where(r => !string.Equals(r.PatientId, row.PatientId, StringComparison.Ordinal)).Append(row)
            .OrderBy(r => r.PatientId, StringComparer.Ordinal).ToList();
        return new CaseloadIndexDocument { Rows = rows };
    }

    /// <summary>This document without the patient's row.</summary>
    public CaseloadIndexDocument Without(string patientId) =>
        new() { Rows = [.. Rows.Where(r => !string.Equals(r.PatientId, patientId, StringComparison.Ordinal))] };
}

/// <summary>The responsible coach of a patient, and who assigned them when (a source record, not derived).</summary>
public sealed record CaseloadAssignment
{
    public required string Coach { get; init; }

    public required string AssignedBy { get; init; }

    public required DateTimeOffset AssignedAt { get; init; }
}
