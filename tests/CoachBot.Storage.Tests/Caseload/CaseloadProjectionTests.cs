using CoachBot.Coaching.Policy;
using CoachBot.Records.Caseload;

namespace CoachBot.Storage.Tests.Caseload;

/// <summary>How many check-ins a caseload row keeps: enough for the overview's eight weeks of decisions.</summary>
public sealed class CaseloadProjectionTests
{
    [Fact]
    public void ThreeCheckInsAWeekForTenWeeks_KeepsEveryOneOfTheLastEightWeeks()
    {
        CaseloadRow? row = null;
        for (var n = 1; n <= 30; n++)
        {
            row = CaseloadProjection.Apply(row, CaseloadStoreTests.CheckIn("p-ann", n, pain: 4, Decision.Hold) with
            {
                LocalDate = new DateOnly(2026, 1, 5).AddDays((n - 1) / 3 * 7 + (n - 1) % 3 * 2), // Mon, Wed, Fri
            });
        }

        var newest = row!.CheckIns[^1].LocalDate;
        Assert.Equal(24, row.CheckIns.Count); // weeks 3 to 10
        Assert.All(row.CheckIns, c => Assert.True(c.LocalDate.DayNumber > newest.DayNumber - CaseloadRow.CheckInDaysKept));
        Assert.Equal(Enumerable.Range(7, 24), row.CheckIns.Select(c => c.Sequence));
    }

    [Fact]
    public void AFewCheckInsMonthsApart_KeepsTheLastTwelve()
    {
        CaseloadRow? row = null;
        for (var n = 1; n <= 15; n++)
        {
            row = CaseloadProjection.Apply(row, CaseloadStoreTests.CheckIn("p-bob", n, pain: 3, Decision.Progress) with
            {
                LocalDate = new DateOnly(2025, 1, 1).AddDays(30 * n),
            });
        }

        Assert.Equal(Enumerable.Range(4, 12), row!.CheckIns.Select(c => c.Sequence));
    }

    [Fact]
    public void TheSameCheckInAppliedTwice_IsKeptOnce()
    {
        var entry = CaseloadStoreTests.CheckIn("p-cat", 1, pain: 5, Decision.Pause);

        var row = CaseloadProjection.Apply(CaseloadProjection.Apply(null, entry), entry);

        Assert.Single(row.CheckIns);
    }
}
