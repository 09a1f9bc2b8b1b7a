namespace CoachBot.Storage.Sqlite;

/// <summary>
/// One open connection with its statements prepared once (the savepoints too; the connection prepares its
/// own transaction statements), so a call binds values and steps, with no parsing and no schema checks. Used by one caller at a time (see
/// <see cref="SqliteSessionPool"/>).
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly List<SqliteStatement> _statements = [];

    public SqliteSession(string path, TimeSpan busyTimeout)
    {
        Database = SqliteDatabase.Open(path, busyTimeout);
        try
        {
            // FULL: a commit is on disk before WriteAsync returns, even across a power cut.
            Database.Execute("PRAGMA synchronous = FULL;");

            Read = Prepare("SELECT json, etag FROM items WHERE key = ?1;");
            Insert = Prepare("INSERT INTO items (key, json, etag, updated_utc) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO NOTHING;");
            Upsert = Prepare(
                "INSERT INTO items (key, json, etag, updated_utc) VALUES (?1, ?2, ?3, ?4) " +
                "ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_utc = excluded.updated_utc;");
            UpdateIfMatch = Prepare("UPDATE items SET json = ?2, etag = ?3, updated_utc = ?4 WHERE key = ?1 AND etag = ?5;");
            Delete = Prepare("DELETE FROM items WHERE key = ?1;");
            ListFrom = Prepare("SELECT key FROM items WHERE key >= ?1 ORDER BY key;");
            Savepoint = Prepare("SAVEPOINT batch;");
            ReleaseSavepoint = Prepare("RELEASE batch;");
            RollbackToSavepoint = Prepare("ROLLBACK TO batch;");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public SqliteDatabase Database { get; }

    /// <summary>?1 key → json, etag.</summary>
    public SqliteStatement Read { get; }

    /// <summary>?1 key, ?2 json, ?3 etag, ?4 now; changes nothing when the key exists.</summary>
    public SqliteStatement Insert { get; }

    /// <summary>?1 key, ?2 json, ?3 etag, ?4 now.</summary>
    public SqliteStatement Upsert { get; }

    /// <summary>?1 key, ?2 json, ?3 etag, ?4 now, ?5 expected etag; changes nothing when the etag differs.</summary>
    public SqliteStatement UpdateIfMatch { get; }

    /// <summary>?1 key.</summary>
    public SqliteStatement Delete { get; }

    /// <summary>?1 prefix → the keys from it on, in order.</summary>
    public SqliteStatement ListFrom { get; }

    public SqliteStatement Savepoint { get; }

    public SqliteStatement ReleaseSavepoint { get; }

    public SqliteStatement RollbackToSavepoint { get; }

    /// <summary>Runs <paramref name="work"/> on this session in one transaction (<see cref="SqliteDatabase.InTransaction{TState}(bool, TState, Action{TState})"/>).</summary>
    public void InTransaction(bool write, Action<SqliteSession> work) =>
        Database.InTransaction(write, (Session: this, Work: work), static s => s.Work(s.Session));

    public void Dispose()
    {
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }

        Database.Dispose();
    }

    private SqliteStatement Prepare(string sql)
    {
        var statement = Database.Prepare(sql);
        _statements.Add(statement);
        return statement;
    }
}
