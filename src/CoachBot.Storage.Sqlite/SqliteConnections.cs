using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CoachBot.Storage.Sqlite;

/// <summary>Opens the store's connections the same way everywhere, and runs one-off SQL on them.</summary>
internal static class SqliteConnections
{
    /// <summary>
    /// Opens (and creates when missing) the file. The store keeps its own pool of open connections, so
    /// ADO.NET pooling is off. A locked database is waited on for up to <paramref name="busyTimeout"/>.
    /// </summary>
    public static SqliteConnection Open(string path, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();

            // SQLite's own busy handler waits for the lock (the command timeout above is the outer limit).
            Execute(connection, "PRAGMA busy_timeout = " + ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + ";");
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return connection;
    }

    /// <summary>Runs SQL text with no parameters (one or more statements; rows are ignored).</summary>
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and returns the first column of its first row (null when there is no row).</summary>
    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }
}
