using CoachBot.Protocol.State;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Sqlite;

/// <summary>The thin layer over SQLite's C API, checked against an independent ADO.NET client on the same file.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("plain ascii")]
    [InlineData("Rücken – 😀 \"quoted\" \u0000 after a NUL")]
    [InlineData("患者の腰痛")]
    public void Bind_Text_RoundTripsExactlyAndOtherClientsReadTheSame(string text)
    {
        var path = _folder.File("t.db");
        using (var database = SqliteDatabase.Open(path, TimeSpan.FromSeconds(1)))
        {
            database.Execute("CREATE TABLE t (v TEXT NOT NULL);");
            using var insert = database.Prepare("INSERT INTO t (v) VALUES (?1);");
            insert.Bind(1, text);
            Assert.Equal(1, insert.Execute());

            using var select = database.Prepare("SELECT v FROM t;");
            Assert.True(select.Step());
            Assert.Equal(text, select.GetText(0));
        }

        Assert.Equal(text, IndependentSqlite.Scalar(path, "SELECT v FROM t;"));
    }

    [Fact]
    public void Bind_TextLongerThanTheStackBuffer_EachValueKeepsItsOwnBytes()
    {
        // Values past 512 bytes are encoded into a pooled buffer that goes back to the pool after binding:
        // SQLite must have copied them, or the second value would overwrite the first.
        var first = string.Concat(Enumerable.Repeat("Schmerz ≠ Schaden 😀 ", 4_000));
        var second = new string('z', 70_000);
        using var database = SqliteDatabase.Open(_folder.File("t.db"), TimeSpan.FromSeconds(1));
        database.Execute("CREATE TABLE t (a TEXT NOT NULL, b TEXT NOT NULL);");
        using var insert = database.Prepare("INSERT INTO t (a, b) VALUES (?1, ?2);");
        insert.Bind(1, first);
        insert.Bind(2, second);
        insert.Execute();

        using var select = database.Prepare("SELECT a, b FROM t;");
        Assert.True(select.Step());
        Assert.Equal((first, second), (select.GetText(0), select.GetText(1)));
    }

    [Fact]
    public void Prepare_BadSql_ThrowsSqliteExceptionWithSqlitesMessage()
    {
        using var database = SqliteDatabase.Open(_folder.File("t.db"), TimeSpan.FromSeconds(1));

        var ex = Assert.Throws<SqliteException>(() => database.Prepare("SELEKT 1;"));

        Assert.Equal(1, ex.ResultCode); // SQLITE_ERROR
        Assert.Contains("syntax error", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_ConstraintBroken_ThrowsWithTheExtendedCodeAndTheStatementRunsAgainAfterReset()
    {
        using var database = SqliteDatabase.Open(_folder.File("t.db"), TimeSpan.FromSeconds(1));
        database.Execute("CREATE TABLE t (k TEXT NOT NULL PRIMARY KEY);");
        using var insert = database.Prepare("INSERT INTO t (k) VALUES (?1);");
        insert.Bind(1, "a");
        insert.Execute();

        insert.Bind(1, "a");
        var ex = Assert.Throws<SqliteException>(() => insert.Execute());
        insert.Bind(1, "b");
        var changed = insert.Execute();

        Assert.Equal(1555, ex.ResultCode); // SQLITE_CONSTRAINT_PRIMARYKEY
        Assert.Equal(1, changed);
        Assert.Equal(2, database.ScalarInt64("SELECT COUNT(*) FROM t;"));
    }

    [Fact]
    public void Open_FolderThatDoesNotExist_ThrowsNamingThePath()
    {
        var path = _folder.File("missing/deeper/t.db");

        var ex = Assert.Throws<SqliteException>(() => SqliteDatabase.Open(path, TimeSpan.FromSeconds(1)));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal(14, ex.ResultCode); // SQLITE_CANTOPEN
    }

    [Fact]
    public void BeginImmediate_AnotherClientHoldsTheWriteLock_WaitsTheBusyTimeoutThenThrowsBusy()
    {
        var path = _folder.File("t.db");
        using var database = SqliteDatabase.Open(path, TimeSpan.FromMilliseconds(200));
        database.Execute("PRAGMA journal_mode = WAL; CREATE TABLE t (v TEXT);");
        using var other = IndependentSqlite.Open(path);
        using var lockHolder = other.BeginTransaction(deferred: false);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.Throws<SqliteException>(() => database.Execute("BEGIN IMMEDIATE;"));

        Assert.Equal(5, ex.ResultCode & 0xFF); // SQLITE_BUSY
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(150), $"gave up after {started.Elapsed.TotalMilliseconds} ms");
        Assert.True(database.IsAutocommit);
    }

    [Fact]
    public async Task Store_AnotherProcessHoldsTheWriteLockPastTheBusyTimeout_WriteFailsNamingTheFileAndLaterWritesWork()
    {
        var path = _folder.File("store.db");
        using var store = new SqliteStorage(new SqliteStorageOptions { Path = path, BusyTimeout = TimeSpan.FromSeconds(1) });
        await store.InitializeAsync();
        var etag = (await store.WriteAsync(Items("k", "{\"v\":1}", null)))["k"];

        using (var other = IndependentSqlite.Open(path))
        {
            using var lockHolder = other.BeginTransaction(deferred: false);

            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync(Items("k", "{\"v\":2}", etag)));

            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("locked", ex.Message, StringComparison.Ordinal);
            Assert.IsType<SqliteException>(ex.InnerException);
        }

        // Nothing was half-written, the old ETag still matches, and the store goes on once the lock is gone.
        Assert.Equal("{\"v\":1}", (await store.ReadAsync(["k"]))["k"].Json);
        var next = await store.WriteAsync(Items("k", "{\"v\":3}", etag));
        Assert.Equal("{\"v\":3}", IndependentSqlite.Scalar(path, "SELECT json FROM items WHERE key = 'k';"));
        Assert.NotEqual(etag, next["k"]);
    }

    [Fact]
    public void StoreAssembly_DoesNotUseAdoNet()
    {
        // The store talks to SQLite's C API directly: the ADO.NET layer (and the regex engine its
        // connection-string parser loads) cost the host about 2.5 MB of idle memory.
        var references = typeof(SqliteStorage).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Microsoft.Data.Sqlite", references);
        Assert.DoesNotContain("System.Data.Common", references);
        Assert.Contains("SQLitePCLRaw.core", references);
    }

    private static Dictionary<string, StoreItem> Items(string key, string json, string? etag) => new() { [key] = new StoreItem(json, etag) };
}
