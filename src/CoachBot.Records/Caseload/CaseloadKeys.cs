using System.Globalization;

namespace CoachBot.Records.Caseload;

/// <summary>
/// Storage keys of the caseload read model: <c>caseload/rows/{patientId}</c> (one summary per patient),
/// <c>caseload/assign/{patientId}</c> (the responsible coach, a source record), and the index documents
/// <c>caseload/index/{coach}/{bucket:D2}</c>: each coach's rows split into <see cref="Buckets"/> buckets by patient id.
/// </summary>
public static class CaseloadKeys
{
    /// <summary>How many index documents each coach's rows are spread over.</summary>
    public const int Buckets = 32;

    /// <summary>The index owner of patients nobody is assigned to (not an e-mail, so no coach has it).</summary>
    public const string Unassigned = "_unassigned";

    public const string RowsCollection = "caseload/rows";
    public const string AssignmentsCollection = "caseload/assign";
    public const string IndexPrefix = "caseload/index/";

    /// <summary>The index owner of a coach's login (or <see cref="Unassigned"/>).</summary>
    public static string Owner(string? coach) => string.IsNullOrWhiteSpace(coach) ? Unassigned : coach;

    /// <summary><c>caseload/index/{owner}/</c>.</summary>
    public static string IndexOf(string owner) => IndexPrefix + Uri.EscapeDataString(owner) + "/";

    /// <summary>The index document that holds a patient's row for an owner.</summary>
    public static string Index(string owner, string patientId) =>
        IndexOf(owner) + Bucket(patientId).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Every index document of an owner.</summary>
    public static IEnumerable<string> IndexDocuments(string owner) =>
        Enumerable.Range(0, Buckets).Select(b => IndexOf(owner) + b.ToString("D2", CultureInfo.InvariantCulture));

    /// <summary>The owner named by an index key, or null when the key is not an index document.</summary>
    public static string? OwnerOfIndexKey(string key)
    {
        if (!key.StartsWith(IndexPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = key[IndexPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? null : Uri.UnescapeDataString(rest[..slash]);
    }

    /// <summary>A stable bucket (FNV-1a over the id's UTF-16 code units), the same in every process.</summary>
    public static int Bucket(string patientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        var hash = 2166136261u;
        foreach (var c in patientId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % Buckets);
    }
}
