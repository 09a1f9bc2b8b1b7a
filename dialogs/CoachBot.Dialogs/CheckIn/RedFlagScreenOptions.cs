using CoachBot.Coaching.CheckIns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>Where the red-flag screen is: the question index and the flags found so far.</summary>
internal sealed record RedFlagScreenOptions(int Index, IReadOnlyList<RedFlag> Found);
