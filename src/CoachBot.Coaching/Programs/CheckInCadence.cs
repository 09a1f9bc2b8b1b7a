using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Programs;

/// <summary>
/// The clinical timings and thresholds around a check-in that are not rules of the 1.3 table: when the red-flag screen
/// is asked, when the safety-netting reminder is due, when a flare-up needs a coach (clinical rules 7.2), and how the
/// weeks since surgery reach the core. Dialogs ask and word; these decide. Pure: days and times are passed in.
/// </summary>
public static class CheckInCadence
{
    /// <summary>Days between red-flag screens inside check-ins (weekly).</summary>
    public const int RedFlagScreenDays = 7;

    /// <summary>Pain now from which a check-in asks the red-flag screen at once (severe, NPRS 7-10; section 5).</summary>
    public const int SeverePain = 7;

    /// <summary>Pain now from which the "why it hurts" lesson is suggested (moderate, NPRS 4-6; section 5).</summary>
    public const int ModeratePain = 4;

    /// <summary>Days between safety-netting reminders (section 2: at onboarding and monthly).</summary>
    public const int SafetyNetDays = 30;

    /// <summary>Days a flare-up may last before a coach is asked to review it (7.2).</summary>
    public const int FlareUpLongDays = 7;

    /// <summary>A new flare-up within this many days of the last one's start goes to a coach (7.2: a second flare within 4 weeks).</summary>
    public const int FlareUpRepeatDays = 28;

    /// <summary>Weeks since surgery passed to the core; an older surgery is no longer "recent".</summary>
    public const int SurgeryWeeksKept = 52;

    /// <summary>True when the last red-flag screen was <see cref="RedFlagScreenDays"/> or more days ago, or never.</summary>
    /// <summary>Scheduled check-ins in a row left unanswered that make a routine escalation (SCHED-MISSED-2).</summary>
    public const int MissedInARowToEscalate = 2;

    /// <summary>True exactly when this many misses in a row should tell a coach (once, not again at every further miss).</summary>
    public static bool EscalateMissed(int missesInARow) => missesInARow == MissedInARowToEscalate;

    public static bool RedFlagScreenDue(DateOnly? lastScreen, DateOnly today) =>
        lastScreen is not DateOnly last || today.DayNumber - last.DayNumber >= RedFlagScreenDays;

    /// <summary>
    /// True when an answer in this check-in hints at a red flag, so the screen is asked now: something the safety
    /// screen noticed, pain below the knee or numbness, severe pain, or a flare-up that is not over.
    /// </summary>
    public static bool RedFlagScreenHinted(bool noticed, bool belowKnee, IEnumerable<PainType> painTypes, int painNow, bool? flareOver)
    {
        ArgumentNullException.ThrowIfNull(painTypes);
        return noticed || belowKnee || painTypes.Contains(PainType.Numbness) || painNow >= SeverePain || flareOver == false;
    }

    /// <summary>True when pain now is moderate or worse (a lesson on why it hurts is offered).</summary>
    public static bool ModerateOrWorse(int painNow) => painNow >= ModeratePain;

    /// <summary>True when the safety-netting reminder is due: more than a month since the last, and not after an urgent or emergency result.</summary>
    public static bool SafetyNetDue(DateTimeOffset? last, DateTimeOffset now, Escalation escalation) =>
        escalation < Escalation.Urgent && (last is not DateTimeOffset at || (now - at).TotalDays > SafetyNetDays);

    /// <summary>True when a flare-up that started on <paramref name="since"/> has lasted more than <see cref="FlareUpLongDays"/> days.</summary>
    public static bool FlareUpTooLong(DateOnly since, DateOnly today) => today.DayNumber - since.DayNumber > FlareUpLongDays;

    /// <summary>True when a flare-up starting today follows one that started within <see cref="FlareUpRepeatDays"/> days.</summary>
    public static bool FlareUpRepeated(DateOnly? previous, DateOnly today) =>
        previous is DateOnly last && today.DayNumber - last.DayNumber <= FlareUpRepeatDays;

    /// <summary>Whole weeks since the surgery for the check-in input, or null when there was none (or it is older than <see cref="SurgeryWeeksKept"/> weeks).</summary>
    public static int? SurgeryWeeks(DateOnly? surgeryOn, DateOnly today)
    {
        if (surgeryOn is not DateOnly surgery)
        {
            return null;
        }

        var weeks = (today.DayNumber - surgery.DayNumber) / 7;
        return weeks is >= 0 and <= SurgeryWeeksKept ? weeks : null;
    }
}
