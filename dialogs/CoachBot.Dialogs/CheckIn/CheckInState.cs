using CoachBot.Coaching.CheckIns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>The answers collected so far (persisted between turns).</summary>
internal sealed class CheckInState
{
    public bool? FlareOver { get; set; }

    public int PainNow { get; set; }

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
}
