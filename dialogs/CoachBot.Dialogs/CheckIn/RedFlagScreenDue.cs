using CoachBot.Coaching.CheckIns;
using CoachBot.Records;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>When a check-in asks the red-flag questions: once a week, and whenever an answer hints at one.</summary>
internal static class RedFlagScreenDue
{
    /// <summary>True when the last red-flag screen was 7 or more days ago (or never).</summary>
    public static bool Weekly(PatientRecord patient, DateOnly today) =>
        patient.LastRedFlagScreenOn is not DateOnly last || today.DayNumber - last.DayNumber >= 7;

    /// <summary>True when something said in this check-in hints at a red flag.</summary>
    public static bool Hinted(CheckInState s) =>
        s.RedFlagHint || s.BelowKnee || s.PainTypes.Contains(PainType.Numbness) || s.PainNow >= 7 || s.FlareOver == false;
}
