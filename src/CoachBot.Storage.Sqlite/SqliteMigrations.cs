namespace CoachBot.Storage.Sqlite;

/// <summary>
/// The schema of the store, as ordered migrations. Never edit a released step: append a new one.
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>Every step, in order.</summary>
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "items: key/value documents with ETags",
            """
            CREATE TABLE items (
                key  TEXT NOT NULL PRIMARY KEY,
                json TEXT NOT NULL,
                etag TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        new(2, "items.updated_utc: last write time, for retention",
            "ALTER TABLE items ADD COLUMN updated_utc INTEGER NOT NULL DEFAULT 0;"),
    ];
}
