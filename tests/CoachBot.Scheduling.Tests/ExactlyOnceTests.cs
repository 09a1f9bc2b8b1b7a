using CoachBot.Records;
using CoachBot.Scheduling.Tests.Support;
using CoachBot.Storage;
using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;
using CoachBot.Testing;

namespace CoachBot.Scheduling.Tests;

/// <summary>
/// A slot is sent once and only once: across a crash mid-dispatch and across instances racing on one store (memory,
/// one SQLite file, one Azurite container).
/// </summary>
public sealed class ExactlyOnceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable, IDisposable
{
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();
    private readonly RecordingConnectorClient _connector = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly List<SchedulerInstance> _instances = [];
    private readonly List<IDisposable> _disposables = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coachbot-scheduling-" + Guid.NewGuid().ToString("N"));

    /// <summary>A new store: "memory", or "azureblob" (a new container on the Azurite of this class).</summary>
    private IStorage Store(string kind) => kind switch
    {
        "memory" => new MemoryStorage(),
        _ => new AzureBlobStorage(new AzureBlobStorageOptions { ConnectionString = azurite.ConnectionString, Container = AzuriteFixture.NewContainer() }),
    };

    private static CheckInSchedule Daily(int hour) => new() { Days = EveryDay, LocalTime = new TimeOnly(hour, 0), TimeZone = "Europe/London" };

    private SchedulerInstance CreateSut(IStorage storage, Action<SchedulerOptions>? configure = null)
    {
        var instance = new SchedulerInstance(storage, _connector, _time, o =>
        {
            o.ClaimLease = TimeSpan.FromMinutes(10);
            o.ReminderAfter = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        _instances.Add(instance);
        return instance;
    }

    private static Func<string, StoreItem, bool> ClaimWrite(ClaimState state) =>
        (key, item) => key.StartsWith(SchedulerKeys.ClaimsCollection + "/", StringComparison.Ordinal)
            && item.Json.Contains("\"state\":\"" + state + "\"", StringComparison.Ordinal);

    private static async Task<SlotClaim?> ClaimOfAsync(IStorage storage, string patientId)
    {
        var claims = new DocumentStore<SlotClaim>(storage, SchedulerKeys.ClaimsCollection);
        return (await claims.GetAsync(SchedulerKeys.ClaimId(patientId, SchedulerKeys.CheckInSlot(new DateOnly(2025, 1, 6)))))?.Value;
    }

    [Fact]
    public async Task Stop_WhileACheckInIsBeingSent_TheSendFinishesWithinTheGrace_AndIsRecordedAsSent()
    {
        var channelAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (storage, patient, poll) = await StopWhileSendingAsync(ct => channelAnswers.Task.WaitAsync(ct));

        channelAnswers.SetResult();                                     // the channel answers within the grace
        await StoppedAsync(poll);

        Assert.Equal(ClaimState.Sent, (await ClaimOfAsync(storage, patient.PatientId))!.State);
        Assert.Equal(1, Sends.Count(_connector, "ann"));
    }

    [Fact]
    public async Task Stop_WhileTheChannelNeverAnswers_TheSendIsCancelledAfterTheGrace_AndLeftUncertainNotRepeated()
    {
        var (storage, patient, poll) = await StopWhileSendingAsync(ct => Task.Delay(Timeout.Infinite, ct));

        await Task.Delay(100);
        Assert.False(poll.IsCompleted);                                 // still within the grace
        _time.Advance(TimeSpan.FromSeconds(10));
        await StoppedAsync(poll);

        Assert.Equal(ClaimState.Sending, (await ClaimOfAsync(storage, patient.PatientId))!.State);
        _connector.BeforeSend = null;
        _time.Advance(TimeSpan.FromMinutes(11));
        await CreateSut(storage).Scheduler.PollOnceAsync();
        Assert.Equal(ClaimState.Uncertain, (await ClaimOfAsync(storage, patient.PatientId))!.State);
        Assert.Equal(0, Sends.Count(_connector, "ann"));
    }

    /// <summary>
    /// A scheduler with a 10 s stop grace polls a due check-in whose channel call does <paramref name="channel"/>; once
    /// the call is under way the host stops. Returns the store, the patient and the poll, still running.
    /// </summary>
    private async Task<(MemoryStorage Storage, PatientRecord Patient, Task Poll)> StopWhileSendingAsync(Func<CancellationToken, Task> channel)
    {
        var storage = new MemoryStorage();
        var sut = CreateSut(storage, o => o.StopGrace = TimeSpan.FromSeconds(10));
        var patient = await sut.AddPatientAsync("ann", Daily(9));
        await sut.Scheduler.ReconcileAsync();
        var inChannel = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _connector.BeforeSend = async (_, ct) =>
        {
            inChannel.TrySetResult();
            await channel(ct);
        };
        var stop = new CancellationTokenSource();
        _disposables.Add(stop);

        _time.SetUtcNow(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var poll = sut.Scheduler.PollOnceAsync(stop.Token);
        await inChannel.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();                                      // the host is stopping
        return (storage, patient, poll);
    }

    /// <summary>Awaits a poll that was asked to stop: it ends, by finishing or as cancelled, within 30 seconds.</summary>
    private static async Task StoppedAsync(Task poll)
    {
        try
        {
            await poll.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            // Stopped: what matters is what the claim says.
        }
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("azureblob")]
    public async Task Restart_CrashBetweenClaimAndSend_NewInstanceSendsAfterTheLease_Once(string store)
    {
        var inner = Store(store);
        var faults = StorageMock.Over(inner);
        var storage = faults.Object;
        var first = CreateSut(storage);
        var patient = await first.AddPatientAsync("ann", Daily(9));
        await first.Scheduler.ReconcileAsync();
        faults.FailingFirstWrite(inner, ClaimWrite(ClaimState.Sending), new SimulatedCrashException());

        _time.SetUtcNow(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var crashed = await first.Scheduler.PollOnceAsync();          // claimed, then "dies" before sending
        var second = CreateSut(storage);                                // the restarted host
        var withinLease = await second.Scheduler.PollOnceAsync();
        _time.Advance(TimeSpan.FromMinutes(11));
        var afterLease = await second.Scheduler.PollOnceAsync();
        await second.Scheduler.PollOnceAsync();

        Assert.Equal((1, 1), (faults.Failures<SimulatedCrashException>(), crashed.Errors));
        Assert.Equal(0, withinLease.Sent);
        Assert.Equal(1, afterLease.Sent);
        Assert.Equal(1, Sends.Count(_connector, "ann"));
        Assert.Equal(ClaimState.Sent, (await ClaimOfAsync(storage, patient.PatientId))!.State);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("azureblob")]
    public async Task Restart_CrashAfterTheChannelAcceptedBeforeSentWasRecorded_NotSentAgain_MarkedUncertain(string store)
    {
        var inner = Store(store);
        var faults = StorageMock.Over(inner);
        var storage = faults.Object;
        var first = CreateSut(storage);
        var patient = await first.AddPatientAsync("bo", Daily(9));
        await first.Scheduler.ReconcileAsync();
        faults.FailingFirstWrite(inner, ClaimWrite(ClaimState.Sent), new SimulatedCrashException());

        _time.SetUtcNow(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        await first.Scheduler.PollOnceAsync();                          // delivered, then "dies" before recording it
        var second = CreateSut(storage);
        _time.Advance(TimeSpan.FromMinutes(11));
        await second.Scheduler.PollOnceAsync();
        await second.Scheduler.PollOnceAsync();

        Assert.Equal(1, faults.Failures<SimulatedCrashException>());
        Assert.Equal(1, Sends.Count(_connector, "bo"));
        Assert.Equal(ClaimState.Uncertain, (await ClaimOfAsync(storage, patient.PatientId))!.State);
    }

    [Fact]
    public async Task Restart_AfterCrash_TheNextDayIsStillScheduled()
    {
        var inner = new MemoryStorage();
        var faults = StorageMock.Over(inner);
        var storage = faults.Object;
        var first = CreateSut(storage);
        await first.AddPatientAsync("cy", Daily(9));
        await first.Scheduler.ReconcileAsync();
        faults.FailingFirstWrite(inner, ClaimWrite(ClaimState.Sent), new SimulatedCrashException());
        _time.SetUtcNow(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        await first.Scheduler.PollOnceAsync();

        var second = CreateSut(storage);
        await second.Scheduler.ReconcileAsync();
        for (var i = 0; i < 6 * 26; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(10));
            await second.Scheduler.PollOnceAsync();
        }

        Assert.Equal(2, Sends.Count(_connector, "cy")); // Monday (once) and Tuesday
    }

    [Fact]
    public async Task Race_TwoInstancesOnOneMemoryStore_EachSlotSentOnce()
    {
        var storage = new MemoryStorage();
        await RaceAsync(storage, storage);
    }

    [Fact]
    public async Task Race_TwoInstancesOnOneSqliteFile_EachSlotSentOnce()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "race.db");
        var one = new SqliteStorage(new SqliteStorageOptions { Path = path });
        var two = new SqliteStorage(new SqliteStorageOptions { Path = path });
        _disposables.Add(one);
        _disposables.Add(two);

        await RaceAsync(one, two);
    }

    [Fact]
    public async Task Race_TwoInstancesOnOneAzuriteContainer_EachSlotSentOnce()
    {
        // Two clients on one container, the way two host processes share it.
        var options = new AzureBlobStorageOptions { ConnectionString = azurite.ConnectionString, Container = AzuriteFixture.NewContainer() };

        await RaceAsync(new AzureBlobStorage(options), new AzureBlobStorage(options));
    }

    private async Task RaceAsync(IStorage storageA, IStorage storageB)
    {
        const int PatientCount = 40;
        var a = CreateSut(storageA, o => o.MaxParallelism = 4);
        var b = CreateSut(storageB, o => o.MaxParallelism = 4);
        for (var i = 0; i < PatientCount; i++)
        {
            await a.AddPatientAsync("p" + i, Daily(9 + (i % 2)));
        }

        await Task.WhenAll(a.Scheduler.ReconcileAsync(), b.Scheduler.ReconcileAsync());
        var sent = 0;
        for (var step = 0; step < 6 * 30; step++) // Monday 08:00 to Tuesday 14:00, both polling the same moments
        {
            _time.Advance(TimeSpan.FromMinutes(10));
            var results = await Task.WhenAll(a.Scheduler.PollOnceAsync(), b.Scheduler.PollOnceAsync());
            sent += results.Sum(r => r.Sent);
            Assert.All(results, r => Assert.Equal(0, r.Errors));
        }

        for (var i = 0; i < PatientCount; i++)
        {
            Assert.Equal(2, Sends.Count(_connector, "p" + i)); // Monday and Tuesday, once each
        }

        Assert.Equal(2 * PatientCount, sent);
        Assert.Equal(2 * PatientCount, Sends.Messages(_connector));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _disposables.Clear();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
