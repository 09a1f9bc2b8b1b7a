using CoachBot.Coaching.CheckIns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>The answers collected so far (persisted between turns).</summary>
internal sealed class CheckInState
{
    public bool? FlareOver { get; set; }

    public int PainNow { get; set; }

    /// <summary>True once pain now was answered (the core needs it to decide).</summary>
    public bool HasPainNow { get; set; }

    public List<PainType> PainTypes { get; set; } = [];

    public bool BelowKnee { get; set; }

    public int? SessionPain { get; set; }

    public bool? Settled { get; set; }

    public int? Sessions { get; set; }

    public PainTrend? Trend { get; set; }

    public bool Screened { get; set; }

    public List<RedFlag> RedFlags { get; set; } = [];

    public string? AnythingElse { get; set; }

    public string? OfferedLessonId { get; set; }

    /// <summary>True once the answers went to the core and were recorded.</summary>
    public bool Recorded { get; set; }

    /// <summary>Messages the safety screen flagged during this check-in (they go to the core as free text).</summary>
    public List<string> SafetyNotes { get; set; } = [];

    /// <summary>True when something said during the check-in hints at a red flag (the screen is then asked).</summary>
    public bool RedFlagHint { get; set; }

    /// <summary>The highest escalation already recorded during this check-in (not raised twice).</summary>
    public Coaching.Policy.Escalation Escalated { get; set; }

    /// <summary>The card this check-in was asked on (null for the text check-in).</summary>
    public CheckInCardState? Card { get; set; }
}

/// <summary>The check-in card that was sent: its layout and instance id.</summary>
internal sealed class CheckInCardState
{
    public CheckInCardLayout Layout { get; set; } = new(false, false, false, false);

    public string Instance { get; set; } = string.Empty;
}
