using CoachBot.Coaching.Policy;
using CoachBot.Records.Caseload;

namespace CoachBot.Storage.Tests.Caseload;

/// <summary>The caseload's filters, order, counts, search and paging over rows of known states.</summary>
public sealed class CaseloadQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    private static readonly CaseloadRow[] Rows =
    [
        Row("a-well", "Ann"),
        Row("b-urgent", "Bob") with { Escalations = [new EscalationPoint { Id = "e1", Level = Escalation.Urgent, RaisedAt = Now }] },
        Row("c-hold", "Cat") with { CheckIns = [Point(1, Decision.Hold), Point(2, Decision.Hold), Point(3, Decision.Hold)] },
        Row("d-paused", "Dan") with { Phase = "paused" },
        Row("e-unreachable", "Eve") with { Reachable = false },
        Row("f-quiet", "Fay") with { LastSeenAt = Now.AddDays(-9), CreatedAt = Now.AddDays(-30) },
        Row("g-stopped", "Gus") with { CheckInsActive = false },
        Row("h-emergency", "Hal") with { Escalations = [new EscalationPoint { Id = "e2", Level = Escalation.Emergency, RaisedAt = Now }] },
        Row("i-two-holds", "Ida") with { CheckIns = [Point(1, Decision.Hold), Point(2, Decision.Progress), Point(3, Decision.Hold), Point(4, Decision.Hold)] },
    ];

    [Theory]
    [InlineData(CaseloadFilter.All, "a-well,b-urgent,c-hold,d-paused,e-unreachable,f-quiet,g-stopped,h-emergency,i-two-holds")]
    [InlineData(CaseloadFilter.Attention, "b-urgent,c-hold,e-unreachable,f-quiet,g-stopped,h-emergency")]
    [InlineData(CaseloadFilter.Quiet, "f-quiet")]
    [InlineData(CaseloadFilter.OnHold, "c-hold")]
    [InlineData(CaseloadFilter.Paused, "d-paused")]
    [InlineData(CaseloadFilter.Unreachable, "e-unreachable,g-stopped")]
    public void Run_EachFilter_ReturnsExactlyItsPatients(CaseloadFilter filter, string expected)
    {
        var page = CaseloadQuery.Run(Rows, filter, null, 1, 50, Now);

        Assert.Equal(expected.Split(','), page.Rows.Select(r => r.PatientId).Order(StringComparer.Ordinal));
        Assert.Equal(page.Total, page.Counts[filter]);
    }

    [Fact]
    public void Run_NeedsAttentionFirst_MostSeriousFirst_ThenByName()
    {
        var page = CaseloadQuery.Run(Rows, CaseloadFilter.All, null, 1, 50, Now);

        Assert.Equal(["h-emergency", "b-urgent", "e-unreachable", "g-stopped", "c-hold", "f-quiet", "a-well", "d-paused", "i-two-holds"], page.Rows.Select(r => r.PatientId));
    }

    [Fact]
    public void Run_SearchAndPaging()
    {
        Assert.Equal(["e-unreachable"], CaseloadQuery.Run(Rows, CaseloadFilter.All, "  eVe ", 1, 50, Now).Rows.Select(r => r.PatientId));
        var second = CaseloadQuery.Run(Rows, CaseloadFilter.All, null, 2, 4, Now);
        Assert.Equal(3, second.Pages);
        Assert.Equal(["c-hold", "f-quiet", "a-well", "d-paused"], second.Rows.Select(r => r.PatientId));
        Assert.Equal(3, CaseloadQuery.Run(Rows, CaseloadFilter.All, null, 99, 4, Now).Page);
    }

    [Fact]
    public void Run_QuietDays_AreTheCoachsChoice()
    {
        Assert.Empty(CaseloadQuery.Run(Rows, CaseloadFilter.Quiet, null, 1, 50, Now, quietDays: 10).Rows);
        Assert.Single(CaseloadQuery.Run(Rows, CaseloadFilter.Quiet, null, 1, 50, Now, quietDays: 8).Rows);
    }

    private static CaseloadRow Row(string id, string name) => new()
    {
        PatientId = id,
        Name = name,
        CreatedAt = Now.AddDays(-2),
        LastSeenAt = Now.AddHours(-1),
        Onboarded = true,
        Phase = "normal",
    };

    private static CheckInPoint Point(int sequence, Decision decision) => new()
    {
        Sequence = sequence,
        At = Now.AddDays(sequence - 5),
        LocalDate = DateOnly.FromDateTime(Now.AddDays(sequence - 5).UtcDateTime),
        Pain = 4,
        Decision = decision,
    };
}
