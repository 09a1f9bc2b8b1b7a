using System.Globalization;

namespace CoachBot.Records;

/// <summary>The storage keys of the coaching records. Every record family has its own prefix so it can be listed.</summary>
public static class RecordKeys
{
    /// <summary>Prefix of patient documents.</summary>
    public const string PatientsPrefix = "patients/";

    /// <summary>Prefix of check-in documents.</summary>
    public const string CheckInsPrefix = "checkins/";

    /// <summary>Prefix of escalation documents.</summary>
    public const string EscalationsPrefix = "escalations/";

    /// <summary>Prefix of stored conversation references.</summary>
    public const string ReferencesPrefix = "refs/";

    /// <summary>Prefix of transcript entries.</summary>
    public const string TranscriptsPrefix = "transcripts/";

    /// <summary><c>patients/{patientId}</c>.</summary>
    public static string Patient(string patientId) => PatientsPrefix + Require(patientId);

    /// <summary><c>checkins/{patientId}/</c>: the prefix of one patient's check-ins.</summary>
    public static string CheckInsOf(string patientId) => CheckInsPrefix + Require(patientId) + "/";

    /// <summary><c>checkins/{patientId}/{seq:D10}</c>: create-only, so history is append-only.</summary>
    public static string CheckIn(string patientId, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        return CheckInsOf(patientId) + sequence.ToString("D10", CultureInfo.InvariantCulture);
    }

    /// <summary><c>escalations/{escalationId}</c>.</summary>
    public static string Escalation(string escalationId) => EscalationsPrefix + Require(escalationId);

    /// <summary><c>refs/{patientId}</c>.</summary>
    public static string Reference(string patientId) => ReferencesPrefix + Require(patientId);

    /// <summary><c>transcripts/{channelId}/{conversationId}/</c> (the conversation id escaped).</summary>
    public static string TranscriptOf(string channelId, string conversationId) =>
        TranscriptsPrefix + Uri.EscapeDataString(Require(channelId)) + "/" + Uri.EscapeDataString(Require(conversationId)) + "/";

    private static string Require(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}
