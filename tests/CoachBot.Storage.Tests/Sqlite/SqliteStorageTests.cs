using System.Runtime.Versioning;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;
using static CoachBot.Storage.Tests.Support.IndependentSqlite;

namespace CoachBot.Storage.Tests.Sqlite;

public sealed class SqliteStorageTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task InitializeAsync_NewFile_AppliesEveryMigrationOnceInOrder()
    {
        var path = _folder.File("db/coachbot.db");
        using (var store = CreateSut(path))
        {
            await store.InitializeAsync();
        }

        using (var reopened = CreateSut(path))
        {
            _clock.Advance(TimeSpan.FromDays(1));
            await reopened.InitializeAsync();
        }

        var rows = Query(path, "SELECT version, applied_utc FROM schema_version ORDER BY version;");
        Assert.Equal(SqliteMigrations.All.Select(m => (long)m.Version), rows.Select(r => (long)r[0]!));
        Assert.All(rows, r => Assert.Equal("2026-03-01T09:30:00.0000000+00:00", r[1]));
    }

    [Fact]
    public void Migrate_NewStepsAdded_RunsOnlyThePendingOnesInOrder()
    {
        var path = _folder.File("m.db");
        using var database = SqliteConnections.Open(path, TimeSpan.FromSeconds(5));
        var first = new SqliteMigration(1, "create t", "CREATE TABLE t (a INTEGER);");
        var second = new SqliteMigration(2, "add b", "ALTER TABLE t ADD COLUMN b TEXT;");
        var third = new SqliteMigration(3, "fill", "INSERT INTO t (a, b) VALUES (1, 'after b');");

        var appliedFirst = SqliteMigrator.Migrate(database, [first], _clock);
        var appliedRest = SqliteMigrator.Migrate(database, [first, second, third], _clock);
        var appliedAgain = SqliteMigrator.Migrate(database, [first, second, third], _clock);

        Assert.Equal((1, 2, 0), (appliedFirst, appliedRest, appliedAgain));
        Assert.Equal(3, SqliteMigrator.CurrentVersion(database));
        Assert.Equal("after b", Scalar(path, "SELECT b FROM t;"));
    }

    [Fact]
    public void Migrate_FailingStep_LeavesTheDatabaseAsItWas()
    {
        var path = _folder.File("m.db");
        using var database = SqliteConnections.Open(path, TimeSpan.FromSeconds(5));
        var good = new SqliteMigration(1, "create t", "CREATE TABLE t (a INTEGER);");
        var bad = new SqliteMigration(2, "broken", "CREATE TABLE u (a INTEGER); THIS IS NOT SQL;");

        var ex = Assert.Throws<InvalidOperationException>(() => SqliteMigrator.Migrate(database, [good, bad], _clock));

        Assert.Contains("migration 2 ('broken')", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('t', 'u');"));
        Assert.Equal(0, SqliteMigrator.CurrentVersion(database));
    }

    [Fact]
    public void Migrate_DatabaseNewerThanBuild_RefusesWithClearMessage()
    {
        var path = _folder.File("m.db");
        using var database = SqliteConnections.Open(path, TimeSpan.FromSeconds(5));
        SqliteMigrator.Migrate(database, [new(1, "a", "SELECT 1;"), new(2, "b", "SELECT 1;")], _clock);

        var ex = Assert.Throws<InvalidOperationException>(() => SqliteMigrator.Migrate(database, [new(1, "a", "SELECT 1;")], _clock));

        Assert.Contains("schema version 2, newer than this build knows (1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_VersionsOutOfOrder_Throws()
    {
        var path = _folder.File("m.db");
        using var database = SqliteConnections.Open(path, TimeSpan.FromSeconds(5));

        var ex = Assert.Throws<InvalidOperationException>(() =>
            SqliteMigrator.Migrate(database, [new(1, "a", "SELECT 1;"), new(3, "c", "SELECT 1;")], _clock));

        Assert.Contains("step 2 has version 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_Always_TurnsOnWal()
    {
        var path = _folder.File("wal.db");
        using var store = CreateSut(path);

        await store.InitializeAsync();

        using var connection = Open(path);
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_NewFolder_FolderAndFilesAreOwnerOnly()
    {
        var path = _folder.File("private/data/coachbot.db");
        using var store = CreateSut(path);

        await store.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{}", null) });

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_folder.File("private/data")));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_folder.File("private")));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path + "-wal"));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path + "-shm"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task InitializeAsync_ExistingFileReadableByOthers_IsRestricted()
    {
        var path = _folder.File("loose.db");
        await File.WriteAllBytesAsync(path, []);
        File.SetUnixFileMode(path, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var store = CreateSut(path);

        await store.InitializeAsync();

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task ReadAsync_OneKeyOrSeveral_LeavesNoReadTransactionOpen_SoTheWalCanBeEmptied()
    {
        var path = _folder.File("reads.db");
        using var store = CreateSut(path);
        await store.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("{\"n\":1}", null), ["b"] = new("{\"n\":2}", null) });

        var one = await store.ReadAsync(["a"]);
        var several = await store.ReadAsync(["a", "b", "missing"]);
        await store.WriteAsync(new Dictionary<string, StoreItem> { ["c"] = new("{}", null) });

        Assert.Equal("{\"n\":1}", one["a"].Json);
        Assert.Equal(["a", "b"], several.Keys.Order(StringComparer.Ordinal));

        // A pooled connection still inside a read transaction would pin its snapshot and keep the checkpoint busy.
        var checkpoint = Query(path, "PRAGMA wal_checkpoint(TRUNCATE);").Single();
        Assert.Equal(0L, checkpoint[0]);
    }

    [Fact]
    public async Task WriteAsync_ThenReopen_DataSurvives()
    {
        var path = _folder.File("durable.db");
        string etag;
        using (var store = CreateSut(path))
        {
            etag = (await store.WriteAsync(new Dictionary<string, StoreItem> { ["patients/7"] = new("{\"week\":3}", null) }))["patients/7"];
        }

        using var reopened = CreateSut(path);
        var read = (await reopened.ReadAsync(["patients/7"]))["patients/7"];

        Assert.Equal(("{\"week\":3}", etag), (read.Json, read.ETag));
    }

    [Fact]
    public async Task WriteAsync_Always_RecordsWriteTimeFromTimeProvider()
    {
        var path = _folder.File("time.db");
        using var store = CreateSut(path);

        await store.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{}", "*") });

        using var connection = Open(path);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds(), Scalar(connection, "SELECT updated_utc FROM items WHERE key = 'k';"));
    }

    [Fact]
    public async Task WriteAsync_ManyParallelCallers_AllWritesLand()
    {
        var path = _folder.File("parallel.db");
        using var store = new SqliteStorage(new SqliteStorageOptions { Path = path, MaxConnections = 3 }, _clock);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var key = $"k/{i % 20}/{i}";
            await store.WriteAsync(new Dictionary<string, StoreItem> { [key] = new($"{{\"i\":{i}}}", null) });
            Assert.Equal($"{{\"i\":{i}}}", (await store.ReadAsync([key]))[key].Json);
        })));

        var listed = new List<string>();
        await foreach (var key in store.ListKeysAsync("k/"))
        {
            listed.Add(key);
        }

        Assert.Equal(200, listed.Count);
    }

    [Fact]
    public async Task WriteAsync_TwoStoresOnOneFileRacing_OneWinnerPerRound()
    {
        var path = _folder.File("two.db");
        using var a = CreateSut(path);
        using var b = CreateSut(path);
        var etag = (await a.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{\"n\":0}", null) }))["k"];

        for (var round = 1; round <= 10; round++)
        {
            var current = etag;
            var results = await Task.WhenAll(new[] { a, b, a, b }.Select((store, i) => Task.Run(async () =>
            {
                try
                {
                    return (await store.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new($"{{\"n\":{i}}}", current) }))["k"];
                }
                catch (StorageConflictException)
                {
                    return null;
                }
            })));

            etag = Assert.Single(results.OfType<string>());
        }
    }

    [Fact]
    public async Task WriteAsync_ParallelBatchesSomeConflicting_EachBatchAllOrNothingAndOthersLand()
    {
        // Concurrent batches share transactions (group commit): a conflicting batch must undo only itself.
        var path = _folder.File("groups.db");
        using var store = new SqliteStorage(new SqliteStorageOptions { Path = path, MaxConnections = 2 }, _clock);
        var seeded = await store.WriteAsync(Enumerable.Range(0, 10).ToDictionary(i => $"shared/{i}", i => new StoreItem("{\"n\":0}", null)));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Task.Run(async () =>
        {
            // Every batch creates its own key; every third batch also updates a shared key with a wrong ETag.
            var batch = new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [$"own/{i:D3}"] = new($"{{\"i\":{i}}}", null) };
            if (i % 3 == 0)
            {
                batch[$"shared/{i % 10}"] = new("{\"n\":1}", "\"stale\"");
            }

            try
            {
                var etags = await store.WriteAsync(batch);
                Assert.Equal(batch.Keys.Order(StringComparer.Ordinal), etags.Keys.Order(StringComparer.Ordinal));
                return true;
            }
            catch (StorageConflictException ex)
            {
                Assert.Equal($"shared/{i % 10}", ex.Key);
                return false;
            }
        })));

        Assert.Equal(Enumerable.Range(0, 120).Select(i => i % 3 != 0), outcomes);
        var own = await store.ReadAsync(Enumerable.Range(0, 120).Select(i => $"own/{i:D3}").ToArray());
        Assert.Equal(Enumerable.Range(0, 120).Where(i => i % 3 != 0).Select(i => $"own/{i:D3}"), own.Keys.Order(StringComparer.Ordinal));
        var shared = await store.ReadAsync(seeded.Keys.ToArray());
        Assert.All(shared, kv => Assert.Equal(("{\"n\":0}", seeded[kv.Key]), (kv.Value.Json, kv.Value.ETag)));
    }

    [Fact]
    public async Task WriteAsync_ParallelUpdatesOfOneKeyWithSameETag_ExactlyOneWinsEachRound()
    {
        var path = _folder.File("race.db");
        using var store = CreateSut(path);
        var etag = (await store.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{\"n\":0}", null) }))["k"];
        for (var round = 1; round <= 10; round++)
        {
            var current = etag;
            var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                try
                {
                    return (await store.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new($"{{\"n\":{i}}}", current) }))["k"];
                }
                catch (StorageConflictException)
                {
                    return null;
                }
            })));

            etag = Assert.Single(results.OfType<string>());
            Assert.Equal(etag, (await store.ReadAsync(["k"]))["k"].ETag);
        }
    }

    [Fact]
    public async Task InitializeAsync_PathIsAFolder_ThrowsNamingIt()
    {
        using var store = CreateSut(_folder.Path);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());

        Assert.Contains("is a folder", ex.Message, StringComparison.Ordinal);
    }

    private SqliteStorage CreateSut(string path) => new(new SqliteStorageOptions { Path = path }, _clock);
}
