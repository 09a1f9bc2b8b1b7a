using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Protocol.Hosting;

/// <summary>Settings of <see cref="IdleMemoryTrimmer"/> (configuration section <c>Memory</c>).</summary>
public sealed class MemoryTrimOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Memory";

    /// <summary>
    /// How long the process must have been quiet after a busy spell before it returns the memory that spell left
    /// behind. Default 30 s; zero turns trimming off (also the one at the end of start-up).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan IdleTrimAfter { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Gives memory back to the operating system when the server is idle. The workstation GC (src/ServerRuntime.props)
/// keeps every page it has touched: without this, a server that handled a morning of check-ins holds its peak
/// working set all day. Runs one compacting collection that decommits free memory
/// (<see cref="GCCollectionMode.Aggressive"/>): once when the host has started (what start-up allocated, about
/// 5 MB, is garbage by then), and afterwards when <see cref="IdleTrimPolicy"/> says so: a whole
/// <see cref="MemoryTrimOptions.IdleTrimAfter"/> window passed with almost nothing allocated (health probes and
/// timers allocate far less than one turn) after a busy spell. The collection pauses the process for a few
/// milliseconds per 10 MB of live heap, only when nothing is going on.
/// </summary>
internal sealed partial class IdleMemoryTrimmer : BackgroundService
{
    private readonly TimeSpan _window;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger<IdleMemoryTrimmer> _logger;
    private readonly Func<long> _allocatedBytes;
    private readonly Action _collect;
    private readonly IdleTrimPolicy _policy = new();

    /// <summary>Trims the process's own memory.</summary>
    public IdleMemoryTrimmer(IOptions<MemoryTrimOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<IdleMemoryTrimmer> logger)
        : this(options, lifetime, time, logger, static () => GC.GetTotalAllocatedBytes(precise: false), Collect)
    {
    }

    /// <summary>For tests: the allocation counter and the collection are given.</summary>
    internal IdleMemoryTrimmer(
        IOptions<MemoryTrimOptions> options,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        ILogger<IdleMemoryTrimmer> logger,
        Func<long> allocatedBytes,
        Action collect)
    {
        ArgumentNullException.ThrowIfNull(options);
        _window = options.Value.IdleTrimAfter;
        _lifetime = lifetime;
        _time = time;
        _logger = logger;
        _allocatedBytes = allocatedBytes;
        _collect = collect;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_window <= TimeSpan.Zero || !await WhenStartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        Trim("start-up");
        using var timer = new PeriodicTimer(_window, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (_policy.ShouldTrim(_allocatedBytes()))
                {
                    Trim("idle");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Trim(string when)
    {
        var sinceLastTrim = _allocatedBytes() - _policy.AllocatedAtTrim;
        var began = _time.GetTimestamp();
        _collect();
        _policy.Trimmed(_allocatedBytes());
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogTrimmed(_logger, when, sinceLastTrim / (1024 * 1024), GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024), _time.GetElapsedTime(began).TotalMilliseconds);
        }
    }

    private static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Memory trimmed ({When}): {AllocatedMb} MB allocated since the last trim, {HeapMb} MB live, {Milliseconds:F1} ms")]
    private static partial void LogTrimmed(ILogger logger, string when, long allocatedMb, long heapMb, double milliseconds);
}

/// <summary>
/// When to trim, from the process's allocation counter read once per window: after a window in which at most
/// <see cref="QuietBytes"/> were allocated, when at least <see cref="WorthBytes"/> were allocated since the last trim.
/// </summary>
internal sealed class IdleTrimPolicy
{
    /// <summary>At most this much allocated in a window counts as idle.</summary>
    public const long QuietBytes = 1L << 20;

    /// <summary>A trim runs only when at least this much was allocated since the last one.</summary>
    public const long WorthBytes = 4L << 20;

    private long _atTick;

    /// <summary>The allocation counter after the last trim.</summary>
    public long AllocatedAtTrim { get; private set; }

    /// <summary>Called once per window with the allocation counter; true when a trim is due.</summary>
    public bool ShouldTrim(long allocated)
    {
        var quiet = allocated - _atTick <= QuietBytes;
        _atTick = allocated;
        return quiet && allocated - AllocatedAtTrim >= WorthBytes;
    }

    /// <summary>Called after a trim with the allocation counter.</summary>
    public void Trimmed(long allocated)
    {
        AllocatedAtTrim = allocated;
        _atTick = allocated;
    }
}

/// <summary>Registers <see cref="IdleMemoryTrimmer"/>.</summary>
public static class IdleMemoryTrimmerServiceCollectionExtensions
{
    /// <summary>Returns memory to the operating system at the end of start-up and after busy spells (section <c>Memory</c>).</summary>
    public static IServiceCollection AddIdleMemoryTrimming(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MemoryTrimOptions>().BindSettings(MemoryTrimOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<IdleMemoryTrimmer>();
        return services;
    }
}
