using System.Globalization;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// Brings a database to the latest schema: the pending migrations run in one immediate transaction, so
/// two processes starting together apply each step once, and a failed step leaves nothing half-done.
/// </summary>
internal static class SqliteMigrator
{
    /// <summary>Applies the pending steps and returns how many ran.</summary>
    public static int Migrate(SqliteDatabase database, IReadOnlyList<SqliteMigration> migrations, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(timeProvider);
        CheckOrder(migrations);

        var applied = 0;
        database.InTransaction(write: true, database, d => applied = MigrateInTransaction(d, migrations, timeProvider));
        return applied;
    }

    /// <summary>The highest applied version, or 0 for a new database.</summary>
    public static int CurrentVersion(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.ScalarInt64("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';") == 0)
        {
            return 0;
        }

        return checked((int)database.ScalarInt64("SELECT COALESCE(MAX(version), 0) FROM schema_version;"));
    }

    private static int MigrateInTransaction(SqliteDatabase database, IReadOnlyList<SqliteMigration> migrations, TimeProvider timeProvider)
    {
        database.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_utc TEXT NOT NULL);");

        var current = CurrentVersion(database);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The SQLite database '{database.Path}' has schema version {current}, newer than this build knows ({latest}). Refusing to use it; run a newer build.");
        }

        var applied = 0;
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            try
            {
                database.Execute(migration.Sql);
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException(
                    $"SQLite migration {migration.Version} ('{migration.Name}') failed on '{database.Path}': {ex.Message}", ex);
            }

            using var record = database.Prepare("INSERT INTO schema_version (version, name, applied_utc) VALUES (?1, ?2, ?3);", persistent: false);
            record.Bind(1, migration.Version);
            record.Bind(2, migration.Name);
            record.Bind(3, timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            record.Execute();
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
