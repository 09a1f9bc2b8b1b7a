using CoachBot.Coaching.Programs;
using CoachBot.Records;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>When a check-in asks the red-flag questions; the core decides (<see cref="CheckInCadence"/>), this reads the answers for it.</summary>
internal static class RedFlagScreenDue
{
    /// <summary>True when the weekly red-flag screen is due.</summary>
    public static bool Weekly(PatientRecord patient, DateOnly today) => CheckInCadence.RedFlagScreenDue(patient.LastRedFlagScreenOn, today);

    /// <summary>True when something said in this check-in hints at a red flag.</summary>
    public static bool Hinted(CheckInState s) =>
        CheckInCadence.RedFlagScreenHinted(s.RedFlagHint, s.BelowKnee, s.PainTypes, s.PainNow, s.FlareOver);
}
