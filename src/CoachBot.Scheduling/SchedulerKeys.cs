using System.Globalization;

namespace CoachBot.Scheduling;

/// <summary>
/// The scheduler's storage keys. The due index is one small document per due slot, keyed by its UTC due time so that
/// an ordinal listing of <c>scheduler/due/</c> returns slots in time order and can stop at "now".
/// </summary>
public static class SchedulerKeys
{
    /// <summary>Prefix of the due index.</summary>
    public const string DuePrefix = "scheduler/due/";

    /// <summary>Collection of slot claims (per patient, then slot id).</summary>
    public const string ClaimsCollection = "scheduler/claims";

    /// <summary>Collection of per-patient scheduler state.</summary>
    public const string PatientsCollection = "scheduler/patients";

    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The id of a scheduled check-in: its local date.</summary>
    public static string CheckInSlot(DateOnly localDate) => "checkin~" + localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The id of the reminder of a check-in.</summary>
    public static string ReminderSlot(string checkInSlotId) => "reminder~" + checkInSlotId;

    /// <summary>The id of a "remind me later" check-in.</summary>
    public static string LaterSlot(DateTimeOffset remindAt) => "later~" + FormatTime(remindAt);

    /// <summary>The kind of a slot id.</summary>
    public static SlotKind KindOf(string slotId)
    {
        ArgumentNullException.ThrowIfNull(slotId);
        return slotId.StartsWith("checkin~", StringComparison.Ordinal) ? SlotKind.CheckIn
            : slotId.StartsWith("reminder~", StringComparison.Ordinal) ? SlotKind.Reminder
            : slotId.StartsWith("later~", StringComparison.Ordinal) ? SlotKind.Later
            : throw new FormatException($"'{slotId}' is not a slot id.");
    }

    /// <summary>The claim id (within <see cref="ClaimsCollection"/>) of a patient's slot.</summary>
    public static string ClaimId(string patientId, string slotId) => patientId + "/" + slotId;

    /// <summary><c>scheduler/due/{utc}/{patientId}/{slotId}</c>.</summary>
    public static string DueEntry(DateTimeOffset due, string patientId, string slotId) =>
        DuePrefix + FormatTime(due) + "/" + Uri.EscapeDataString(patientId) + "/" + Uri.EscapeDataString(slotId);

    /// <summary>Parses a due-index key; false when it is not one.</summary>
    public static bool TryParseDueEntry(string key, out DueEntry entry)
    {
        entry = default!;
        if (key is null || !key.StartsWith(DuePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = key[DuePrefix.Length..].Split('/');
        if (parts.Length != 3
            || !DateTimeOffset.TryParseExact(parts[0], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var due))
        {
            return false;
        }

        var slotId = Uri.UnescapeDataString(parts[2]);
        try
        {
            entry = new DueEntry(key, due, Uri.UnescapeDataString(parts[1]), slotId, KindOf(slotId));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Formats an instant as the fixed-width UTC text used in keys.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
}

/// <summary>One entry of the due index.</summary>
/// <param name="Key">Its storage key.</param>
/// <param name="Due">When it is due.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="Kind">What it asks for.</param>
public sealed record DueEntry(string Key, DateTimeOffset Due, string PatientId, string SlotId, SlotKind Kind);
