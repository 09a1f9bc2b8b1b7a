using CoachBot.Coaching.CheckIns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>The flags the patient said yes to (empty when none).</summary>
internal sealed record RedFlagScreenResult(IReadOnlyList<RedFlag> Flags);
