using CoachBot.Protocol.Turns;

namespace CoachBot.Protocol.Tests.Turns;

public class KeyedAsyncLockTests
{
    [Fact]
    public async Task Acquire_SameKey_SecondWaitsUntilFirstReleases()
    {
        var locks = new KeyedAsyncLock();
        var first = await locks.AcquireAsync("k", CancellationToken.None);
        var second = locks.AcquireAsync("k", CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task Acquire_DifferentKeys_DoNotBlock()
    {
        var locks = new KeyedAsyncLock();
        using var a = await locks.AcquireAsync("a", CancellationToken.None);
        var b = locks.AcquireAsync("b", CancellationToken.None);

        Assert.True(b.IsCompleted);
        (await b).Dispose();
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaiting_LeavesNoEntryBehind()
    {
        var locks = new KeyedAsyncLock();
        using var cts = new CancellationTokenSource();
        var held = await locks.AcquireAsync("k", CancellationToken.None);
        var waiting = locks.AcquireAsync("k", cts.Token).AsTask();

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        Assert.Equal(0, locks.Count);
    }
}
