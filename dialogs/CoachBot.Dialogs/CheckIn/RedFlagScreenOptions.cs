using CoachBot.Coaching.CheckIns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// Where the red-flag screen is: the question index and the flags found so far. <paramref name="Only"/>: the
/// onboarding's follow-up after a yes to a list of flags, which asks only these (no intro, no all-clear) with the
/// onboarding wording.
/// </summary>
internal sealed record RedFlagScreenOptions(int Index, IReadOnlyList<RedFlag> Found, IReadOnlyList<RedFlag>? Only = null);
