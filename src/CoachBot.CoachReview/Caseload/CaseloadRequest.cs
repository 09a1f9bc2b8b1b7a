using System.Globalization;
using CoachBot.Records.Caseload;

namespace CoachBot.CoachReview.Caseload;

/// <summary>What the caseload page was asked for, and the address that asks for it again.</summary>
public sealed record CaseloadRequest(string Scope, CaseloadFilter Filter, int QuietDays, string? Search, int Page)
{
    /// <summary>The filters in the order the page lists them: the value in the address and the link's text.</summary>
    public static readonly IReadOnlyList<(CaseloadFilter Filter, string Name, string Label)> Filters =
    [
        (CaseloadFilter.All, "all", "Everyone"),
        (CaseloadFilter.Attention, "attention", "Needs attention"),
        (CaseloadFilter.Quiet, "quiet", "Quiet"),
        (CaseloadFilter.OnHold, "onhold", "On hold 3+ check-ins"),
        (CaseloadFilter.Paused, "paused", "Paused"),
        (CaseloadFilter.Unreachable, "unreachable", "Check-ins not reaching"),
    ];

    public static bool TryFilter(string? name, out CaseloadFilter filter)
    {
        var match = Filters.FirstOrDefault(f => string.Equals(f.Name, name ?? "all", StringComparison.Ordinal));
        filter = match.Filter;
        return match.Name is not null;
    }

    public static string FilterName(CaseloadFilter filter) => Filters.First(f => f.Filter == filter).Name;

    /// <summary>The page's address: the scope and filter always, the rest when not the default.</summary>
    public string Url()
    {
        var query = new List<string> { "scope=" + Uri.EscapeDataString(Scope), "filter=" + FilterName(Filter) };
        if (QuietDays != CaseloadQuery.DefaultQuietDays)
        {
            query.Add("quiet=" + QuietDays.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            query.Add("q=" + Uri.EscapeDataString(Search));
        }

        if (Page > 1)
        {
            query.Add("page=" + Page.ToString(CultureInfo.InvariantCulture));
        }

        return "/coach/patients?" + string.Join('&', query);
    }
}
