namespace CoachBot.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store (configuration section <c>Storage:Sqlite</c>).</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The default data file, relative to the working directory.</summary>
    public const string DefaultPath = "data/coachbot.db";

    /// <summary>
    /// The database file. Relative paths are resolved against the working directory. The file and,
    /// when it has to be created, its folder are made readable only by the service user.
    /// Default: <c>data/coachbot.db</c>.
    /// </summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// How long a statement waits for a lock held by another process before failing.
    /// Default: 5 seconds; from 1 second to 10 minutes.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most connections open at once (readers run in parallel in WAL mode; writers take turns).
    /// Default: 8; from 1 to 64.
    /// </summary>
    public int MaxConnections { get; set; } = 8;
}
