using System.Globalization;
using SQLitePCL;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// One open SQLite connection, through SQLite's own C API (no ADO.NET layer): open, run SQL text,
/// prepare statements. Used by one caller at a time, so it is opened without SQLite's own mutexes.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const int OpenFlags = raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_NOMUTEX | raw.SQLITE_OPEN_PRIVATECACHE;
    private readonly sqlite3 _handle;
    private SqliteStatement? _beginRead;
    private SqliteStatement? _beginWrite;
    private SqliteStatement? _commit;
    private SqliteStatement? _rollback;

    static SqliteDatabase() => raw.SetProvider(new SQLite3Provider_e_sqlite3());

    private SqliteDatabase(sqlite3 handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>True outside an explicit transaction.</summary>
    public bool IsAutocommit => raw.sqlite3_get_autocommit(_handle) != 0;

    /// <summary>Rows changed by the last INSERT, UPDATE or DELETE.</summary>
    public int Changes => raw.sqlite3_changes(_handle);

    /// <summary>
    /// Opens (and creates when missing) the file. A locked database is retried for up to <paramref name="busyTimeout"/>.
    /// </summary>
    public static SqliteDatabase Open(string path, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var rc = raw.sqlite3_open_v2(path, out var handle, OpenFlags, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = handle is null || handle.IsInvalid ? raw.sqlite3_errstr(rc).utf8_to_string() : raw.sqlite3_errmsg(handle).utf8_to_string();
            handle?.Dispose();
            throw new SqliteException($"SQLite could not open '{path}': {message}", rc);
        }

        var database = new SqliteDatabase(handle, path);
        try
        {
            database.Check(raw.sqlite3_extended_result_codes(handle, 1));
            database.Check(raw.sqlite3_busy_timeout(handle, (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue)));
        }
        catch
        {
            database.Dispose();
            throw;
        }

        return database;
    }

    /// <summary>Runs SQL text (one or more statements, no parameters, rows ignored).</summary>
    public void Execute(string sql) => Check(raw.sqlite3_exec(_handle, sql));

    /// <summary>Runs a query and returns the first column of its first row as text (null when there is no row or it is NULL).</summary>
    public string? ScalarText(string sql)
    {
        using var statement = Prepare(sql, persistent: false);
        return statement.Step() && !statement.IsNull(0) ? statement.GetText(0) : null;
    }

    /// <summary>Runs a query and returns the first column of its first row as an integer (0 when there is no row).</summary>
    public long ScalarInt64(string sql)
    {
        using var statement = Prepare(sql, persistent: false);
        return statement.Step() ? statement.GetInt64(0) : 0;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction (a read snapshot, or the write lock taken up front) and
    /// commits it. If anything fails the transaction is rolled back, unless SQLite has already ended it, and the
    /// error is thrown on. The transaction statements are prepared once per connection.
    /// </summary>
    public void InTransaction<TState>(bool write, TState state, Action<TState> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        (write ? _beginWrite ??= Prepare("BEGIN IMMEDIATE;") : _beginRead ??= Prepare("BEGIN DEFERRED;")).Execute();
        try
        {
            work(state);
            (_commit ??= Prepare("COMMIT;")).Execute();
        }
        catch
        {
            if (!IsAutocommit)
            {
                (_rollback ??= Prepare("ROLLBACK;")).Execute();
            }

            throw;
        }
    }

    /// <summary>Compiles one statement; <paramref name="persistent"/> tells SQLite it will be reused many times.</summary>
    public SqliteStatement Prepare(string sql, bool persistent = true)
    {
        var rc = raw.sqlite3_prepare_v3(_handle, sql, persistent ? raw.SQLITE_PREPARE_PERSISTENT : 0u, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            throw Error(rc);
        }

        return new SqliteStatement(this, statement);
    }

    /// <summary>Throws <see cref="SqliteException"/> unless <paramref name="rc"/> is SQLITE_OK.</summary>
    public void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Error(rc);
        }
    }

    /// <summary>The exception for a failed call, with SQLite's message for this connection.</summary>
    public SqliteException Error(int rc)
    {
        var code = (rc & 0xFF).ToString(CultureInfo.InvariantCulture);
        return new SqliteException($"SQLite error {code}: {raw.sqlite3_errmsg(_handle).utf8_to_string()}", rc);
    }

    /// <summary>Closes the connection (statements still open are finalised with it).</summary>
    public void Dispose()
    {
        _beginRead?.Dispose();
        _beginWrite?.Dispose();
        _commit?.Dispose();
        _rollback?.Dispose();
        _handle.Dispose();
    }
}
