using CoachBot.Protocol.Hosting;
using CoachBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Protocol.Tests.Hosting;

public sealed class IdleMemoryTrimmerTests
{
    private const long MB = 1L << 20;

    [Fact]
    public void Policy_QuietWindowAfterEnoughAllocation_Trims()
    {
        var policy = new IdleTrimPolicy();
        policy.Trimmed(100 * MB);

        Assert.False(policy.ShouldTrim(130 * MB)); // busy: 30 MB in this window
        Assert.True(policy.ShouldTrim(130 * MB + 1000)); // quiet now, 30 MB since the trim
    }

    [Fact]
    public void Policy_StillBusy_DoesNotTrim()
    {
        var policy = new IdleTrimPolicy();
        policy.Trimmed(0);

        Assert.False(policy.ShouldTrim(50 * MB));
        Assert.False(policy.ShouldTrim(52 * MB));
        Assert.False(policy.ShouldTrim(60 * MB));
    }

    [Fact]
    public void Policy_QuietButLittleAllocatedSinceTheTrim_DoesNotTrim()
    {
        var policy = new IdleTrimPolicy();
        policy.Trimmed(10 * MB);

        // Health probes and timers: a little in every window, never a trim's worth before the next trim is due.
        var allocated = 10 * MB;
        for (var window = 0; window < 3; window++)
        {
            allocated += IdleTrimPolicy.QuietBytes;
            Assert.False(policy.ShouldTrim(allocated));
        }

        allocated += IdleTrimPolicy.QuietBytes;
        Assert.True(policy.ShouldTrim(allocated)); // 4 MB of small allocations add up to one trim
    }

    [Fact]
    public void Policy_AfterATrim_WaitsForTheNextBusySpell()
    {
        var policy = new IdleTrimPolicy();
        policy.Trimmed(0);
        Assert.False(policy.ShouldTrim(20 * MB));
        Assert.True(policy.ShouldTrim(20 * MB));
        policy.Trimmed(20 * MB);

        Assert.False(policy.ShouldTrim(20 * MB));
        Assert.False(policy.ShouldTrim(20 * MB));
    }

    [Fact]
    public async Task Service_TrimsWhenTheHostHasStartedAndAfterABusySpellFollowedByAQuietWindow()
    {
        var time = new TimerCountingTimeProvider();
        using var lifetime = new Lifetime();
        long allocated = 5 * MB;
        var reads = 0;
        var trims = 0;
        using var trimmer = Create(
            TimeSpan.FromSeconds(30),
            lifetime,
            time,
            () =>
            {
                Interlocked.Increment(ref reads);
                return Interlocked.Read(ref allocated);
            },
            () => Interlocked.Increment(ref trims));

        await trimmer.StartAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.Equal(0, Volatile.Read(ref trims)); // not before start-up is over
        lifetime.Start();
        await time.WaitForActiveTimersAsync(1).WaitAsync(TimeSpan.FromSeconds(10)); // the window starts after the start-up trim
        Assert.Equal(1, Volatile.Read(ref trims));

        var before = Volatile.Read(ref reads);
        Interlocked.Add(ref allocated, 40 * MB); // a busy spell
        time.Advance(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => Volatile.Read(ref reads) == before + 1);
        Assert.Equal(1, Volatile.Read(ref trims));

        time.Advance(TimeSpan.FromSeconds(30)); // a whole window with nothing allocated
        await WaitUntilAsync(() => Volatile.Read(ref reads) == before + 4); // the tick, and before and after the trim
        Assert.Equal(2, Volatile.Read(ref trims));

        time.Advance(TimeSpan.FromSeconds(30)); // still quiet: nothing left to return
        await WaitUntilAsync(() => Volatile.Read(ref reads) == before + 5);
        Assert.Equal(2, Volatile.Read(ref trims));
        await trimmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Service_ZeroWindow_NeverTrims()
    {
        using var lifetime = new Lifetime();
        var trims = 0;
        using var trimmer = Create(TimeSpan.Zero, lifetime, new FakeTimeProvider(), () => 100 * MB, () => trims++);

        await trimmer.StartAsync(CancellationToken.None);
        lifetime.Start();
        await trimmer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, trims);
    }

    [Fact]
    public async Task Service_StoppedBeforeTheHostStarted_EndsWithoutTrimming()
    {
        var trims = 0;
        using var lifetime = new Lifetime();
        using var trimmer = Create(TimeSpan.FromSeconds(30), lifetime, new FakeTimeProvider(), () => 100 * MB, () => trims++);

        await trimmer.StartAsync(CancellationToken.None);
        await trimmer.StopAsync(CancellationToken.None);

        Assert.True(trimmer.ExecuteTask!.IsCompleted);
        Assert.Equal(0, trims);
    }

    private static IdleMemoryTrimmer Create(TimeSpan window, Lifetime lifetime, TimeProvider time, Func<long> allocated, Action collect) =>
        new(Options.Create(new MemoryTrimOptions { IdleTrimAfter = window }), lifetime, time, NullLogger<IdleMemoryTrimmer>.Instance, allocated, collect);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "timed out");
            await Task.Delay(5);
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _started = new();

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication()
        {
        }

        public void Dispose() => _started.Dispose();
    }
}
