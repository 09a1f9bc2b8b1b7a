using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// One open connection with its statements prepared once, so a call binds values and steps, with no
/// parsing and no schema checks. Used by one caller at a time (see <see cref="SqliteSessionPool"/>).
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    public SqliteSession(string connectionString, TimeSpan busyTimeout)
    {
        Connection = new SqliteConnection(connectionString);
        try
        {
            Connection.Open();
            var milliseconds = ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            using (var pragma = Connection.CreateCommand())
            {
                // FULL: a commit is on disk before WriteAsync returns, even across a power cut.
#pragma warning disable CA2100 // the only variable part is an integer formatted here
                pragma.CommandText = "PRAGMA busy_timeout = " + milliseconds + "; PRAGMA synchronous = FULL;";
#pragma warning restore CA2100
                pragma.ExecuteNonQuery();
            }

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
            Connection.Dispose();
            throw;
        }
    }

    public SqliteConnection Connection { get; }

    public SqliteCommand Read { get; }

    public SqliteCommand Insert { get; }

    public SqliteCommand Upsert { get; }

    public SqliteCommand UpdateIfMatch { get; }

    public SqliteCommand Delete { get; }

    public SqliteCommand ListFrom { get; }

    /// <summary>Binds the values (in the order the parameters were declared) and the transaction.</summary>
    public static SqliteCommand Bind(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in new[] { Read, Insert, Upsert, UpdateIfMatch, Delete, ListFrom })
        {
            command?.Dispose();
        }

        Connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
