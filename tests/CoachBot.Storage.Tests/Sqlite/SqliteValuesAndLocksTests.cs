using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Sqlite;

/// <summary>What the store writes, checked with an independent client on the same file, and how it meets another process's lock.</summary>
public sealed class SqliteValuesAndLocksTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("plain ascii")]
    [InlineData("Rücken – 😀 \"quoted\" \u0000 after a NUL")]
    [InlineData("患者の腰痛")]
    public async Task WriteAsync_Text_RoundTripsExactlyAndOtherClientsReadTheSame(string text)
    {
        var path = _folder.File("t.db");
        var json = System.Text.Json.JsonSerializer.Serialize(new { text });
        using (var store = new SqliteStorage(new SqliteStorageOptions { Path = path }))
        {
            await store.WriteAsync(Items("k/" + text, json, null));

            Assert.Equal(json, (await store.ReadAsync(["k/" + text]))["k/" + text].Json);
        }

        Assert.Equal(json, IndependentSqlite.Scalar(path, "SELECT json FROM items;"));
        Assert.Equal("k/" + text, IndependentSqlite.Scalar(path, "SELECT key FROM items;"));
    }

    [Fact]
    public async Task WriteAsync_LargeValuesInOneBatch_EachKeepsItsOwnText()
    {
        var first = "\"" + string.Concat(Enumerable.Repeat("Schmerz ≠ Schaden 😀 ", 4_000)) + "\"";
        var second = "\"" + new string('z', 70_000) + "\"";
        var path = _folder.File("t.db");
        using var store = new SqliteStorage(new SqliteStorageOptions { Path = path });

        await store.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new(first, null), ["b"] = new(second, null) });

        var read = await store.ReadAsync(["a", "b"]);
        Assert.Equal((first, second), (read["a"].Json, read["b"].Json));
        Assert.Equal(second, IndependentSqlite.Scalar(path, "SELECT json FROM items WHERE key = 'b';"));
    }

    [Fact]
    public async Task InitializeAsync_FolderCannotBeCreated_ThrowsNamingThePath()
    {
        var blocker = _folder.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var path = Path.Combine(blocker, "t.db");
        using var store = new SqliteStorage(new SqliteStorageOptions { Path = path });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => store.InitializeAsync());

        Assert.Contains(blocker, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_AnotherProcessHoldsTheWriteLockPastTheBusyTimeout_FailsNamingTheFileAndLaterWritesWork()
    {
        var path = _folder.File("store.db");
        using var store = new SqliteStorage(new SqliteStorageOptions { Path = path, BusyTimeout = TimeSpan.FromSeconds(1) });
        await store.InitializeAsync();
        var etag = (await store.WriteAsync(Items("k", "{\"v\":1}", null)))["k"];

        using (var other = IndependentSqlite.Open(path))
        {
            using var lockHolder = other.BeginTransaction(deferred: false);
            var started = System.Diagnostics.Stopwatch.StartNew();

            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync(Items("k", "{\"v\":2}", etag)));

            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("locked", ex.Message, StringComparison.Ordinal);
            var inner = Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(ex.InnerException);
            Assert.Equal(5, inner.SqliteErrorCode); // SQLITE_BUSY
            Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(900), $"gave up after {started.Elapsed.TotalMilliseconds} ms");
        }

        // Nothing was half-written, the old ETag still matches, and the store goes on once the lock is gone.
        Assert.Equal("{\"v\":1}", (await store.ReadAsync(["k"]))["k"].Json);
        var next = await store.WriteAsync(Items("k", "{\"v\":3}", etag));
        Assert.Equal("{\"v\":3}", IndependentSqlite.Scalar(path, "SELECT json FROM items WHERE key = 'k';"));
        Assert.NotEqual(etag, next["k"]);
    }

    [Fact]
    public async Task Session_OnAnInitialisedFile_RunsWithFullSynchronousAndTheBusyTimeout()
    {
        var path = _folder.File("pragmas.db");
        using (var store = new SqliteStorage(new SqliteStorageOptions { Path = path }))
        {
            await store.InitializeAsync();
        }

        using var session = new SqliteSession(path, TimeSpan.FromSeconds(3));

        Assert.Equal(2L, SqliteConnections.Scalar(session.Connection, "PRAGMA synchronous;")); // FULL
        Assert.Equal(3000L, SqliteConnections.Scalar(session.Connection, "PRAGMA busy_timeout;"));
        Assert.Equal("wal", SqliteConnections.Scalar(session.Connection, "PRAGMA journal_mode;"));
    }

    private static Dictionary<string, StoreItem> Items(string key, string json, string? etag) => new() { [key] = new StoreItem(json, etag) };
}
