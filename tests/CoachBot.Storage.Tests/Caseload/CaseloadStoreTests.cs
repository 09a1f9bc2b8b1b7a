using System.Collections.Concurrent;
using System.Text.Json;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Protocol.State;
using CoachBot.Storage.AzureBlob;
using CoachBot.Records.Caseload;
using CoachBot.Records;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Storage.Tests.Caseload;

/// <summary>
/// The caseload read model on one storage provider: the repositories keep it as they write, lists come from the index
/// documents only, reassignment moves a row between coaches' indexes, concurrent writers lose nothing, and erasure
/// removes it. Each provider runs it through a small subclass.
/// </summary>
public abstract class CaseloadStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<IStorage> CreateStorageAsync();

    /// <summary>A second store on the same backing (another process), for the concurrency test.</summary>
    protected abstract Task<IStorage> SameBackingAsync();

    private IStorage _storage = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _storage = await CreateStorageAsync();
        _services = Services(_storage);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Repositories_KeepTheRow_AsPatientCheckInsAndEscalationsAreWritten()
    {
        var patients = _services.GetRequiredService<IPatientRepository>();
        var checkIns = _services.GetRequiredService<ICheckInRepository>();
        var escalations = _services.GetRequiredService<IEscalationRepository>();
        var caseload = _services.GetRequiredService<CaseloadStore>();

        await patients.SaveAsync(Patient("p-ann", "Ann") with { BaselinePain = 6, Reachable = false });
        for (var n = 1; n <= 4; n++)
        {
            await checkIns.AppendAsync(CheckIn("p-ann", n, pain: 7 - n, n == 1 ? Decision.Progress : Decision.Hold));
        }

        var raised = await escalations.RaiseAsync(Escalation("e-1", "p-ann", Coaching.Policy.Escalation.Urgent, "RF-1"));
        await escalations.RaiseAsync(Escalation("e-2", "p-ann", Coaching.Policy.Escalation.None, CaseloadProjection.NoteRule));
        await escalations.UpdateStatusAsync(raised.Id, EscalationStatus.Acknowledged, "coach@example.org", Start.AddMinutes(30));

        var row = Assert.Single(await caseload.RowsAsync(null));
        Assert.Equal("Ann", row.Name);
        Assert.Equal(6, row.BaselinePain);
        Assert.Equal([6, 5, 4, 3], row.CheckIns.Select(c => c.Pain));
        Assert.Equal(3, row.HoldRun);
        Assert.False(row.CheckInsReach);
        Assert.Equal(1, row.OpenNotes);
        var urgent = Assert.Single(row.OpenEscalations);
        Assert.Equal(Start.AddMinutes(30), urgent.FirstResponseAt);
        Assert.Equal(Json(row), Json(await caseload.GetAsync("p-ann")));
    }

    [Fact]
    public async Task StagedRecords_ReachTheRow_AfterTheTurnCommits()
    {
        var updates = _services.GetRequiredService<CaseloadUpdates>();
        var changed = new ConcurrentQueue<string>();
        updates.Changed += row => changed.Enqueue(row.PatientId);

        updates.Enqueue((store, token) => store.ApplyAsync(Patient("p-bob", "Bob"), token));
        updates.Enqueue((store, token) => store.ApplyAsync(CheckIn("p-bob", 1, 5, Decision.Pause), token));
        await updates.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var row = Assert.Single(await updates.Store.RowsAsync([CaseloadKeys.Unassigned]));
        Assert.Equal(5, row.LastCheckIn!.Pain);
        Assert.Equal(["p-bob", "p-bob"], changed);
    }

    [Fact]
    public async Task Lists_ReadOnlyIndexDocuments_NeverPatientsOrRows()
    {
        var caseload = _services.GetRequiredService<CaseloadStore>();
        for (var i = 0; i < 40; i++)
        {
            await caseload.ApplyAsync(Patient($"p-{i:D2}", $"Patient {i:D2}"));
        }

        var counting = new CountingStorage(_storage);
        var rows = await new CaseloadStore(counting, TimeProvider.System).RowsAsync([CaseloadKeys.Unassigned]);

        Assert.Equal(40, rows.Count);
        var documents = counting.Read.Where(key => key != CaseloadStore.ChangedKey).ToList();
        Assert.NotEmpty(documents);
        Assert.All(documents, key => Assert.StartsWith(CaseloadKeys.IndexPrefix, key, StringComparison.Ordinal));
        Assert.True(documents.Count <= CaseloadKeys.Buckets);
    }

    [Fact]
    public async Task Lists_WhenNothingChanged_ReadOnlyTheChangeMarker_AndSeeAnotherProcesssChange()
    {
        await _services.GetRequiredService<CaseloadStore>().ApplyAsync(Patient("p-hal", "Hal"));
        var counting = new CountingStorage(_storage);
        var page = new CaseloadStore(counting, TimeProvider.System);
        Assert.Single(await page.RowsAsync(null));
        counting.Read.Clear();

        Assert.Single(await page.RowsAsync(null));
        Assert.Equal([CaseloadStore.ChangedKey], counting.Read);

        await new CaseloadStore(await SameBackingAsync(), TimeProvider.System).ApplyAsync(Patient("p-ivy", "Ivy"));
        Assert.Equal(["p-hal", "p-ivy"], (await page.RowsAsync(null)).Select(r => r.PatientId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Assign_MovesTheRowToTheCoachsIndex_AndBack()
    {
        var caseload = _services.GetRequiredService<CaseloadStore>();
        await caseload.ApplyAsync(Patient("p-cat", "Cat"));
        await caseload.ApplyAsync(Patient("p-dan", "Dan"));

        await caseload.AssignAsync("p-cat", "kim@example.org", "lead@example.org");

        Assert.Equal(["p-cat"], (await caseload.RowsAsync(["kim@example.org"])).Select(r => r.PatientId));
        Assert.Equal(["p-dan"], (await caseload.RowsAsync([CaseloadKeys.Unassigned])).Select(r => r.PatientId));
        Assert.Equal("lead@example.org", (await caseload.AssignmentAsync("p-cat"))!.AssignedBy);
        Assert.Equal([CaseloadKeys.Unassigned, "kim@example.org"], await caseload.OwnersAsync());

        await caseload.AssignAsync("p-cat", "lee@example.org", "kim@example.org");
        Assert.Empty(await caseload.RowsAsync(["kim@example.org"]));
        Assert.Equal("lee@example.org", Assert.Single(await caseload.RowsAsync(["lee@example.org"])).Coach);
        Assert.Equal(2, (await caseload.RowsAsync(null)).Count);
    }

    [Fact]
    public async Task ConcurrentWriters_InTwoProcesses_LoseNoRow()
    {
        var one = new CaseloadStore(_storage, TimeProvider.System);
        var two = new CaseloadStore(await SameBackingAsync(), TimeProvider.System);

        // 24 patients over 32 buckets: several share a bucket, so the two writers race for the same index documents.
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? one : two).ApplyAsync(Patient($"c-{i}", $"C {i}"))));

        Assert.Equal(24, (await one.RowsAsync(null)).Select(r => r.PatientId).Distinct().Count());
    }

    [Fact]
    public async Task Rebuild_FromTheRecords_GivesTheSameRowsAsTheRepositories()
    {
        var patients = _services.GetRequiredService<IPatientRepository>();
        var checkIns = _services.GetRequiredService<ICheckInRepository>();
        var caseload = _services.GetRequiredService<CaseloadStore>();
        await patients.SaveAsync(Patient("p-eve", "Eve"));
        await checkIns.AppendAsync(CheckIn("p-eve", 1, 4, Decision.Hold));
        await caseload.AssignAsync("p-eve", "kim@example.org", "kim@example.org");
        var kept = (await caseload.RowsAsync(null)).Single();
        await _storage.DeleteAsync([.. CaseloadKeys.IndexDocuments("kim@example.org")]);

        var written = await CaseloadRebuild.RunAsync(_storage, caseload);

        Assert.Equal(1, written);
        var rebuilt = Assert.Single(await caseload.RowsAsync(["kim@example.org"]));
        Assert.Single(rebuilt.CheckIns);
        Assert.Equal(Json(kept), Json(rebuilt));
    }

    [Fact]
    public async Task Erase_RemovesTheSummaryAssignmentAndIndexEntry()
    {
        var patients = _services.GetRequiredService<IPatientRepository>();
        var caseload = _services.GetRequiredService<CaseloadStore>();
        await patients.SaveAsync(Patient("p-fay", "Fay"));
        await patients.SaveAsync(Patient("p-gus", "Gus"));
        await caseload.AssignAsync("p-fay", "kim@example.org", "kim@example.org");
        Assert.Equal(2, (await caseload.RowsAsync(null)).Count);

        var data = new PatientData(_storage);
        await data.EraseAsync(await data.FindAsync("p-fay"));

        Assert.Equal(["p-gus"], (await caseload.RowsAsync(null)).Select(r => r.PatientId));
        Assert.Null(await caseload.GetAsync("p-fay"));
        Assert.Null(await caseload.AssignmentAsync("p-fay"));
    }

    private static string Json(CaseloadRow? row) => JsonSerializer.Serialize(row, StateJson.Options);

    internal static ServiceProvider Services(IStorage storage)
    {
        var services = new ServiceCollection();
        services.AddSingleton(storage);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
        services.AddCoachBotRecords();
        return services.BuildServiceProvider();
    }

    internal static PatientRecord Patient(string id, string name) => new()
    {
        PatientId = id,
        ChannelId = "webchat",
        UserId = id,
        Name = name,
        CreatedAt = Start,
        Onboarded = true,
    };

    internal static CheckInEntry CheckIn(string patientId, int sequence, int pain, Decision decision) => new()
    {
        PatientId = patientId,
        Sequence = sequence,
        RecordedAt = Start.AddDays(sequence),
        LocalDate = DateOnly.FromDateTime(Start.AddDays(sequence).UtcDateTime),
        Input = new CheckInInput { PainNow = pain },
        Decision = decision,
        Escalation = Coaching.Policy.Escalation.None,
        MustMention = [],
        FiredRules = [],
        RuleSetVersion = "test",
    };

    internal static EscalationRecord Escalation(string id, string patientId, Escalation level, string rule) => new()
    {
        Id = id,
        PatientId = patientId,
        Level = level,
        RuleIds = [rule],
        Reason = rule,
        RaisedAt = Start,
    };

    /// <summary>Records the keys read through it.</summary>
    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public ConcurrentBag<string> Read { get; } = [];

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
        {
            foreach (var key in keys)
            {
                Read.Add(key);
            }

            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

        public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);
    }
}

public sealed class MemoryCaseloadStoreTests : CaseloadStoreTests
{
    private readonly MemoryStorage _storage = new();

    protected override Task<IStorage> CreateStorageAsync() => Task.FromResult<IStorage>(_storage);

    protected override Task<IStorage> SameBackingAsync() => Task.FromResult<IStorage>(_storage);
}

public sealed class SqliteCaseloadStoreTests : CaseloadStoreTests, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<SqliteStorage> _stores = [];

    protected override Task<IStorage> CreateStorageAsync() => SameBackingAsync();

    protected override async Task<IStorage> SameBackingAsync()
    {
        var store = new SqliteStorage(new SqliteStorageOptions { Path = _folder.File("caseload.db") });
        _stores.Add(store);
        await store.InitializeAsync();
        return store;
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        _folder.Dispose();
    }
}

[Collection(AzuriteGroup.Name)]
public sealed class AzureBlobCaseloadStoreTests(AzuriteFixture azurite) : CaseloadStoreTests
{
    private AzureBlobStorageOptions? _options;

    protected override Task<IStorage> CreateStorageAsync()
    {
        _options = azurite.Options(listPageSize: 10);
        return Task.FromResult<IStorage>(new AzureBlobStorage(_options));
    }

    protected override Task<IStorage> SameBackingAsync() =>
        Task.FromResult<IStorage>(new AzureBlobStorage(new AzureBlobStorageOptions { ConnectionString = _options!.ConnectionString, Container = _options.Container }));
}
