using System.Text.Json.Serialization;
using CoachBot.Coaching.Policy;

namespace CoachBot.Records.Caseload;

/// <summary>
/// One patient's line in the coaches' caseload: everything the caseload and overview pages show, kept up to date
/// when the patient's records change. The same row is the patient's summary document and its entry in the index
/// documents, so a list page reads a few index documents instead of every patient. Short JSON names keep the index small.
/// </summary>
public sealed record CaseloadRow
{
    /// <summary>Recent check-ins always kept per patient (for the pain trend and the hold run).</summary>
    public const int RecentCheckIns = 12;

    /// <summary>Days of check-ins kept beyond the last <see cref="RecentCheckIns"/> (the overview's weekly decisions).</summary>
    public const int CheckInDaysKept = 56;

    /// <summary>Closed escalations kept per patient (for the time-to-first-response chart).</summary>
    public const int ClosedEscalationsKept = 6;

    /// <summary>Days of session dates kept (the overview's weeks).</summary>
    public const int SessionDaysKept = 56;

    [JsonPropertyName("id")] public required string PatientId { get; init; }

    [JsonPropertyName("n")] public string? Name { get; init; }

    /// <summary>The responsible coach's login; null while nobody is assigned.</summary>
    [JsonPropertyName("c")] public string? Coach { get; init; }

    /// <summary>When the patient record was created.</summary>
    [JsonPropertyName("cr")] public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("ob")] public bool Onboarded { get; init; }

    /// <summary>The programme phase: normal, deload, paused, returnladder (null before a programme exists).</summary>
    [JsonPropertyName("ph")] public string? Phase { get; init; }

    [JsonPropertyName("ls")] public int LadderStep { get; init; }

    /// <summary>Pain on a normal day at onboarding.</summary>
    [JsonPropertyName("bp")] public int? BaselinePain { get; init; }

    [JsonPropertyName("ci")] public bool CheckInsActive { get; init; } = true;

    [JsonPropertyName("r")] public bool Reachable { get; init; } = true;

    [JsonPropertyName("seen")] public DateTimeOffset? LastSeenAt { get; init; }

    /// <summary>True while the programme waits for clearance after the pre-exercise screen.</summary>
    [JsonPropertyName("cl")] public bool ClearancePending { get; init; }

    /// <summary>
    /// The recent check-ins, oldest first: the last <see cref="RecentCheckIns"/>, and every one of the
    /// <see cref="CheckInDaysKept"/> days up to the newest.
    /// </summary>
    [JsonPropertyName("k")] public IReadOnlyList<CheckInPoint> CheckIns { get; init; } = [];

    /// <summary>Local days of training sessions in the last <see cref="SessionDaysKept"/> days.</summary>
    [JsonPropertyName("s")] public IReadOnlyList<DateOnly> Sessions { get; init; } = [];

    /// <summary>Open escalations, notes and clearance requests, then the last few closed ones.</summary>
    [JsonPropertyName("e")] public IReadOnlyList<EscalationPoint> Escalations { get; init; } = [];

    /// <summary>The coach holding the conversation (the bot stays quiet), when one does.</summary>
    [JsonPropertyName("hb")] public string? HeldBy { get; init; }

    /// <summary>The last check-in, if any.</summary>
    [JsonIgnore] public CheckInPoint? LastCheckIn => CheckIns.Count == 0 ? null : CheckIns[^1];

    /// <summary>How many check-ins in a row, up to the last, decided hold.</summary>
    [JsonIgnore]
    public int HoldRun
    {
        get
        {
            var run = 0;
            for (var i = CheckIns.Count - 1; i >= 0 && CheckIns[i].Decision == Decision.Hold; i--)
            {
                run++;
            }

            return run;
        }
    }

    /// <summary>True while the programme is paused.</summary>
    [JsonIgnore] public bool Paused => string.Equals(Phase, "paused", StringComparison.Ordinal);

    /// <summary>False when the bot could not reach the patient last time, or the patient stopped check-ins.</summary>
    [JsonIgnore] public bool CheckInsReach => Reachable && CheckInsActive;

    /// <summary>The open escalations that are not notes.</summary>
    [JsonIgnore] public IEnumerable<EscalationPoint> OpenEscalations => Escalations.Where(e => e.Open && !e.IsNote);

    /// <summary>The open "anything else?" notes.</summary>
    [JsonIgnore] public int OpenNotes => Escalations.Count(e => e.Open && e.IsNote);

    /// <summary>When the patient last did something the bot saw: a message or a check-in.</summary>
    [JsonIgnore]
    public DateTimeOffset LastActiveAt
    {
        get
        {
            var last = LastCheckIn?.At ?? CreatedAt;
            return LastSeenAt is { } seen && seen > last ? seen : last;
        }
    }

    /// <summary>Training sessions in the 14 days up to and including <paramref name="today"/>.</summary>
    public int SessionsInLast2Weeks(DateOnly today) => Sessions.Count(d => d.DayNumber > today.DayNumber - 14 && d.DayNumber <= today.DayNumber);
}

/// <summary>One check-in in a <see cref="CaseloadRow"/>.</summary>
public sealed record CheckInPoint
{
    [JsonPropertyName("q")] public required int Sequence { get; init; }

    [JsonPropertyName("t")] public required DateTimeOffset At { get; init; }

    [JsonPropertyName("d")] public required DateOnly LocalDate { get; init; }

    [JsonPropertyName("p")] public required int Pain { get; init; }

    [JsonPropertyName("x")] public required Decision Decision { get; init; }
}

/// <summary>One escalation, note or clearance request in a <see cref="CaseloadRow"/>.</summary>
public sealed record EscalationPoint
{
    /// <summary>The id of a clearance request (there is at most one per patient).</summary>
    public const string ClearanceId = "clearance";

    [JsonPropertyName("i")] public required string Id { get; init; }

    [JsonPropertyName("l")] public required Escalation Level { get; init; }

    /// <summary>True for a patient's note at "anything else?" (level none, rule NOTE).</summary>
    [JsonPropertyName("nt")] public bool IsNote { get; init; }

    [JsonPropertyName("t")] public required DateTimeOffset RaisedAt { get; init; }

    [JsonPropertyName("o")] public bool Open { get; init; } = true;

    /// <summary>When a coach first acknowledged or resolved it.</summary>
    [JsonPropertyName("fr")] public DateTimeOffset? FirstResponseAt { get; init; }

    /// <summary>True for a clearance request from the pre-exercise screen.</summary>
    [JsonIgnore] public bool IsClearance => string.Equals(Id, ClearanceId, StringComparison.Ordinal);
}
