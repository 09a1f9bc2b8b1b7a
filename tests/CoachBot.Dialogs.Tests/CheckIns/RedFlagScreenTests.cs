using CoachBot.Coaching.CheckIns;
using CoachBot.Dialogs.Tests.Support;

namespace CoachBot.Dialogs.Tests.CheckIns;

/// <summary>The red-flag screen runs weekly or on a hint; cancer history is asked only while it is not known.</summary>
public sealed class RedFlagScreenTests
{
    [Fact]
    public async Task WeeklyScreen_AsksCancerHistoryOnce_ThenNotAgain()
    {
        await using var transport = AdapterTransport.Create();
        var today = DateOnly.FromDateTime(transport.Adapter.Time.GetUtcNow().UtcDateTime);
        await CheckInDriver.SeedAsync(transport, change: p => p with { LastRedFlagScreenOn = today.AddDays(-8) });

        var first = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));
        Assert.Contains(first, r => r.Contains("ever had cancer", StringComparison.Ordinal));
        Assert.Contains(first, r => r.Contains("bladder or bowels", StringComparison.Ordinal));

        transport.Advance(TimeSpan.FromDays(8));
        var second = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));
        Assert.Contains(second, r => r.Contains("bladder or bowels", StringComparison.Ordinal));
        Assert.DoesNotContain(second, r => r.Contains("ever had cancer", StringComparison.Ordinal));

        var entries = await CheckInDriver.EntriesAsync(transport);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(new HashSet<RedFlag> { RedFlag.None }, e.Input.RedFlags.ToHashSet()));
    }

    [Fact]
    public async Task ScreenedThisWeek_NoHint_IsNotAskedAgain()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        var replies = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));

        Assert.DoesNotContain(replies, r => r.Contains("safety questions", StringComparison.Ordinal));
        Assert.Empty(Assert.Single(await CheckInDriver.EntriesAsync(transport)).Input.RedFlags);
    }

    [Fact]
    public async Task ScreenedThisWeek_PainBelowTheKnee_IsAHint_AndTheScreenRuns()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        var replies = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"), ("below your knee", "yes"));

        Assert.Contains(replies, r => r.Contains("safety questions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancerHistoryNotSure_IsCautious_AndAskedAgainNextTime()
    {
        await using var transport = AdapterTransport.Create();
        var today = DateOnly.FromDateTime(transport.Adapter.Time.GetUtcNow().UtcDateTime);
        await CheckInDriver.SeedAsync(transport, change: p => p with { LastRedFlagScreenOn = today.AddDays(-8) });

        await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"), ("ever had cancer", "not sure"));
        Assert.Contains(RedFlag.CancerHistory, Assert.Single(await CheckInDriver.EntriesAsync(transport)).Input.RedFlags);

        transport.Advance(TimeSpan.FromDays(8));
        var second = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));
        Assert.Contains(second, r => r.Contains("ever had cancer", StringComparison.Ordinal));
    }
}
