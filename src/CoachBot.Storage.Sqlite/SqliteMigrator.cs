using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// Brings a database to the latest schema: the pending migrations run in one immediate transaction, so
/// two processes starting together apply each step once, and a failed step leaves nothing half-done.
/// </summary>
internal static class SqliteMigrator
{
    /// <summary>Applies the pending steps and returns how many ran.</summary>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(timeProvider);
        CheckOrder(migrations);

        using var transaction = connection.BeginTransaction(deferred: false);
        var applied = MigrateInTransaction(connection, transaction, migrations, timeProvider);
        transaction.Commit();
        return applied;
    }

    /// <summary>The highest applied version, or 0 for a new database.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string HasTable = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if ((long)SqliteConnections.Scalar(connection, HasTable, transaction)! == 0)
        {
            return 0;
        }

        return checked((int)(long)SqliteConnections.Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", transaction)!);
    }

    private static int MigrateInTransaction(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SqliteMigration> migrations, TimeProvider timeProvider)
    {
        SqliteConnections.Execute(
            connection,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_utc TEXT NOT NULL);",
            transaction);

        var current = CurrentVersion(connection, transaction);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The SQLite database '{connection.DataSource}' has schema version {current}, newer than this build knows ({latest}). Refusing to use it; run a newer build.");
        }

        var applied = 0;
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            try
            {
                SqliteConnections.Execute(connection, migration.Sql, transaction);
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException(
                    $"SQLite migration {migration.Version} ('{migration.Name}') failed on '{connection.DataSource}': {ex.Message}", ex);
            }

            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_utc) VALUES ($version, $name, $applied);";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.Parameters.AddWithValue("$applied", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            applied++;
        }

        return applied;
    }

    private static void CheckOrder(IReadOnlyList<SqliteMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"SQLite migrations must be numbered 1, 2, 3 … in order; step {i + 1} has version {migrations[i].Version} ('{migrations[i].Name}').");
            }
        }
    }
}
