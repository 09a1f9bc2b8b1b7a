using Microsoft.Data.Sqlite;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// One open connection with the store's commands prepared once, so a call sets parameter values and runs
/// them with no parsing. Used by one caller at a time (see <see cref="SqliteSessionPool"/>).
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];

    public SqliteSession(string path, TimeSpan busyTimeout)
    {
        Connection = SqliteConnections.Open(path, busyTimeout);
        try
        {
            // FULL: a commit is on disk before WriteAsync returns, even across a power cut.
            SqliteConnections.Execute(Connection, "PRAGMA synchronous = FULL;");

            Read = Prepare("SELECT json, etag FROM items WHERE key = $key;", "$key");
            Insert = Prepare(
                "INSERT INTO items (key, json, etag, updated_utc) VALUES ($key, $json, $etag, $now) ON CONFLICT (key) DO NOTHING;",
                "$key", "$json", "$etag", "$now");
            Upsert = Prepare(
                "INSERT INTO items (key, json, etag, updated_utc) VALUES ($key, $json, $etag, $now) " +
                "ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_utc = excluded.updated_utc;",
                "$key", "$json", "$etag", "$now");
            UpdateIfMatch = Prepare(
                "UPDATE items SET json = $json, etag = $etag, updated_utc = $now WHERE key = $key AND etag = $expected;",
                "$key", "$json", "$etag", "$now", "$expected");
            Delete = Prepare("DELETE FROM items WHERE key = $key;", "$key");
            ListFrom = Prepare("SELECT key FROM items WHERE key >= $prefix ORDER BY key;", "$prefix");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public SqliteConnection Connection { get; }

    /// <summary>$key → json, etag.</summary>
    public SqliteCommand Read { get; }

    /// <summary>$key, $json, $etag, $now; changes nothing when the key exists.</summary>
    public SqliteCommand Insert { get; }

    /// <summary>$key, $json, $etag, $now.</summary>
    public SqliteCommand Upsert { get; }

    /// <summary>$key, $json, $etag, $now, $expected; changes nothing when the stored etag differs.</summary>
    public SqliteCommand UpdateIfMatch { get; }

    /// <summary>$key.</summary>
    public SqliteCommand Delete { get; }

    /// <summary>$prefix → the keys from it on, in order.</summary>
    public SqliteCommand ListFrom { get; }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction (a read snapshot, or the write lock taken up front with
    /// BEGIN IMMEDIATE) and commits it; anything thrown rolls it back. The store's commands join the transaction.
    /// </summary>
    public void InTransaction(bool write, Action<SqliteSession, SqliteTransaction> work)
    {
        using var transaction = Connection.BeginTransaction(deferred: !write);
        Enlist(transaction);
        try
        {
            work(this, transaction);
            transaction.Commit();
        }
        finally
        {
            Enlist(null);
        }
    }

    /// <summary>Adds the documents of <paramref name="keys"/> that exist to <paramref name="result"/>.</summary>
    public void ReadInto(IReadOnlyCollection<string> keys, Dictionary<string, StoreItem> result)
    {
        var read = Read;
        foreach (var key in keys)
        {
            read.Parameters["$key"].Value = key;
            using var reader = read.ExecuteReader();
            if (reader.Read())
            {
                result[key] = new StoreItem(reader.GetString(0), reader.GetString(1));
            }
        }
    }

    /// <summary>
    /// Writes a batch with the ETag rules of <see cref="IStorage"/> (null: create, "*": any, else: must match) and returns
    /// the new ETags; a write that does not apply throws <see cref="StorageConflictException"/> (the caller rolls back).
    /// </summary>
    public Dictionary<string, string> WriteBatch(IReadOnlyDictionary<string, StoreItem> changes, long now)
    {
        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        foreach (var (key, item) in changes)
        {
            var etag = "\"" + Guid.NewGuid().ToString("N") + "\"";
            var statement = item.ETag switch
            {
                null => Insert,
                "*" => Upsert,
                _ => UpdateIfMatch,
            };
            statement.Parameters["$key"].Value = key;
            statement.Parameters["$json"].Value = item.Json;
            statement.Parameters["$etag"].Value = etag;
            statement.Parameters["$now"].Value = now;
            if (statement == UpdateIfMatch)
            {
                statement.Parameters["$expected"].Value = item.ETag!;
            }

            if (statement.ExecuteNonQuery() != 1)
            {
                throw StorageConflictException.ForKey(key);
            }

            etags[key] = etag;
        }

        return etags;
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }

    private void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in _commands)
        {
            command.Transaction = transaction;
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        _commands.Add(command);
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
