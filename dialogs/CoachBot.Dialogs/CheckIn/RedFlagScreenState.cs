using CoachBot.Coaching.CheckIns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>The red-flag screen's persisted state.</summary>
internal sealed class RedFlagScreenState
{
    public int Index { get; set; }

    public List<RedFlag> Found { get; set; } = [];

    /// <summary>The flags to ask about (onboarding's follow-up), or null for all of them.</summary>
    public List<RedFlag>? Only { get; set; }
}
