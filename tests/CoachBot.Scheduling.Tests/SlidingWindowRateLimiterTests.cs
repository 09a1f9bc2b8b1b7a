using CoachBot.Testing;

namespace CoachBot.Scheduling.Tests;

public class SlidingWindowRateLimiterTests
{
    private static SlidingWindowRateLimiter CreateSut(FakeTimeProvider time) => new(SlidingWindowRateLimiter.TeamsPerConversation, time);

    [Fact]
    public void TryAcquire_EighthSendInOneSecond_WaitsForTheFirstToAgeOut()
    {
        var time = new FakeTimeProvider();
        var sut = CreateSut(time);

        var granted = Enumerable.Range(0, 7).Select(_ => sut.TryAcquire("conv")).ToList();
        time.Advance(TimeSpan.FromMilliseconds(400));
        var eighth = sut.TryAcquire("conv");

        Assert.All(granted, Assert.Null);
        Assert.Equal(TimeSpan.FromMilliseconds(600), eighth);
    }

    [Fact]
    public void TryAcquire_EightInTwoSeconds_NinthWaits()
    {
        var time = new FakeTimeProvider();
        var sut = CreateSut(time);
        for (var i = 0; i < 7; i++)
        {
            Assert.Null(sut.TryAcquire("conv"));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        var eighth = sut.TryAcquire("conv");
        var ninth = sut.TryAcquire("conv");

        Assert.Null(eighth);
        Assert.Equal(TimeSpan.FromSeconds(1), ninth); // 8 per 2 s: the first seven leave the window at t=2 s
    }

    [Fact]
    public void TryAcquire_SixtyInThirtySeconds_SixtyFirstWaits()
    {
        var time = new FakeTimeProvider();
        var sut = CreateSut(time);
        for (var i = 0; i < 60; i++)
        {
            Assert.Null(sut.TryAcquire("conv"));
            time.Advance(TimeSpan.FromMilliseconds(300)); // 3.3 per second: under the short windows
        }

        var wait = sut.TryAcquire("conv");

        Assert.NotNull(wait);
        Assert.Equal(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(300 * 60), wait);
    }

    [Fact]
    public void TryAcquire_OtherConversation_NotLimitedByThisOne()
    {
        var time = new FakeTimeProvider();
        var sut = CreateSut(time);
        for (var i = 0; i < 7; i++)
        {
            sut.TryAcquire("a");
        }

        Assert.NotNull(sut.TryAcquire("a"));
        Assert.Null(sut.TryAcquire("b"));
    }

    [Fact]
    public async Task AcquireAsync_Throttled_CompletesWhenTheClockMoves()
    {
        var time = new TimerCountingTimeProvider();
        var sut = new SlidingWindowRateLimiter([(1, TimeSpan.FromSeconds(1))], time);
        await sut.AcquireAsync("x", 1, CancellationToken.None);

        var second = sut.AcquireAsync("x", 1, CancellationToken.None);
        await time.WaitForActiveTimersAsync(1).WaitAsync(TimeSpan.FromSeconds(30));
        var pending = second.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(pending);
        Assert.True(second.IsCompletedSuccessfully);
    }
}
