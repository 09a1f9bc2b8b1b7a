using CoachBot.Coaching.CheckIns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>The red-flag screen's persisted state.</summary>
internal sealed class RedFlagScreenState
{
    public int Index { get; set; }

    public List<RedFlag> Found { get; set; } = [];
}
