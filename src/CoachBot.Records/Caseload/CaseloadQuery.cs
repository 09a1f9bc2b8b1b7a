using CoachBot.Coaching.Policy;

namespace CoachBot.Records.Caseload;

/// <summary>The caseload filters.</summary>
public enum CaseloadFilter
{
    /// <summary>Everyone, those needing attention first.</summary>
    All,

    /// <summary>Someone is waiting for a coach: see <see cref="CaseloadQuery.AttentionScore"/>.</summary>
    Attention,

    /// <summary>Nothing from the patient (no message, no check-in) for more than the quiet days.</summary>
    Quiet,

    /// <summary>The last 3 or more check-ins decided hold.</summary>
    OnHold,

    /// <summary>The programme is paused.</summary>
    Paused,

    /// <summary>Check-ins do not reach the patient: the bot could not reach them, or they said stop.</summary>
    Unreachable,
}

/// <summary>One page of the caseload.</summary>
/// <param name="Rows">The rows of the page, in order.</param>
/// <param name="Total">How many rows match, over all pages.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Counts">How many rows of the scope each filter matches (before the name search).</param>
public sealed record CaseloadPage(IReadOnlyList<CaseloadRow> Rows, int Total, int Page, int PageSize, IReadOnlyDictionary<CaseloadFilter, int> Counts)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Filters, sorts and pages caseload rows (read from the index documents) in memory.</summary>
public static class CaseloadQuery
{
    /// <summary>Default days without a word from the patient before they count as quiet.</summary>
    public const int DefaultQuietDays = 7;

    /// <summary>Check-ins in a row decided hold before a patient counts as stuck on hold.</summary>
    public const int HoldRunLimit = 3;

    /// <summary>
    /// How much the patient needs a coach now, 0 when not at all: open escalations by level (emergency first), a
    /// clearance request, check-ins not reaching them, a hold run of 3 or more, open notes, quiet.
    /// </summary>
    public static int AttentionScore(CaseloadRow row, DateTimeOffset now, int quietDays = DefaultQuietDays)
    {
        ArgumentNullException.ThrowIfNull(row);
        var score = 0;
        foreach (var e in row.OpenEscalations.Where(e => !e.IsClearance))
        {
            score += e.Level switch { Escalation.Emergency => 1000, Escalation.Urgent => 200, Escalation.Routine => 40, _ => 0 };
        }

        score += row.ClearancePending ? 20 : 0;
        score += row.CheckInsReach ? 0 : 10;
        score += row.HoldRun >= HoldRunLimit ? 8 : 0;
        score += row.OpenNotes > 0 ? 5 : 0;
        score += IsQuiet(row, now, quietDays) ? 2 : 0;
        return score;
    }

    public static bool IsQuiet(CaseloadRow row, DateTimeOffset now, int quietDays) => now - row.LastActiveAt > TimeSpan.FromDays(quietDays);

    public static bool Matches(CaseloadRow row, CaseloadFilter filter, DateTimeOffset now, int quietDays) => filter switch
    {
        CaseloadFilter.Attention => AttentionScore(row, now, quietDays) > 0,
        CaseloadFilter.Quiet => IsQuiet(row, now, quietDays),
        CaseloadFilter.OnHold => row.HoldRun >= HoldRunLimit,
        CaseloadFilter.Paused => row.Paused,
        CaseloadFilter.Unreachable => !row.CheckInsReach,
        _ => true,
    };

    /// <summary>
    /// The page of rows matching the filter and the name search (case-insensitive, ordinal), those needing attention
    /// first, then by name and id.
    /// </summary>
    public static CaseloadPage Run(IReadOnlyList<CaseloadRow> rows, CaseloadFilter filter, string? search, int page, int pageSize, DateTimeOffset now, int quietDays = DefaultQuietDays)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        // Each row's facts once: the filters, the counts and the order all use them.
        var facts = new Facts[rows.Count];
        var counts = Enum.GetValues<CaseloadFilter>().ToDictionary(f => f, _ => 0);
        for (var i = 0; i < rows.Count; i++)
        {
            var f = facts[i] = Facts.Of(rows[i], now, quietDays);
            foreach (var candidate in AllFilters)
            {
                counts[candidate] += f.Matches(candidate) ? 1 : 0;
            }
        }

        var term = search?.Trim();
        var matching = new List<Facts>();
        foreach (var f in facts)
        {
            if (f.Matches(filter) && (string.IsNullOrEmpty(term) || (f.Row.Name ?? f.Row.PatientId).Contains(term, StringComparison.OrdinalIgnoreCase)))
            {
                matching.Add(f);
            }
        }

        var total = matching.Count;
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(page, 1, pages);
        matching.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byName = StringComparer.OrdinalIgnoreCase.Compare(a.Row.Name ?? a.Row.PatientId, b.Row.Name ?? b.Row.PatientId);
            return byName != 0 ? byName : string.CompareOrdinal(a.Row.PatientId, b.Row.PatientId);
        });
        var ordered = matching.Skip((number - 1) * pageSize).Take(pageSize).Select(f => f.Row).ToList();
        return new CaseloadPage(ordered, total, number, pageSize, counts);
    }

    private static readonly CaseloadFilter[] AllFilters = Enum.GetValues<CaseloadFilter>();

    private readonly record struct Facts(CaseloadRow Row, int Score, bool Quiet, bool OnHold, bool Paused, bool Unreachable)
    {
        public static Facts Of(CaseloadRow row, DateTimeOffset now, int quietDays) =>
            new(row, AttentionScore(row, now, quietDays), IsQuiet(row, now, quietDays), row.HoldRun >= HoldRunLimit, row.Paused, !row.CheckInsReach);

        public bool Matches(CaseloadFilter filter) => filter switch
        {
            CaseloadFilter.Attention => Score > 0,
            CaseloadFilter.Quiet => Quiet,
            CaseloadFilter.OnHold => OnHold,
            CaseloadFilter.Paused => Paused,
            CaseloadFilter.Unreachable => Unreachable,
            _ => true,
        };
    }
}
