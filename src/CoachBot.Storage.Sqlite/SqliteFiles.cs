namespace CoachBot.Storage.Sqlite;

/// <summary>
/// Creates the data folder and file before SQLite opens them, readable only by the service user
/// (0700 / 0600 on Unix). SQLite gives its -wal and -shm files the database file's permissions.
/// </summary>
internal static class SqliteFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates or tightens the data file and returns its full path.</summary>
    public static string Prepare(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new InvalidOperationException($"The SQLite path '{fullPath}' is a folder; it must name a file.");
        }

        var folder = System.IO.Path.GetDirectoryName(fullPath)
            ?? throw new InvalidOperationException($"The SQLite path '{fullPath}' has no folder.");
        if (!Directory.Exists(folder))
        {
            // Only a folder we create is restricted: an existing one may be shared (the working directory).
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                CreateOwnerOnly(folder);
            }
        }

        if (OperatingSystem.IsWindows())
        {
            return fullPath;
        }

        if (!File.Exists(fullPath))
        {
            try
            {
                using var created = new FileStream(fullPath, new FileStreamOptions
                {
                    Mode = System.IO.FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = FileMode,
                });
            }
            catch (IOException) when (File.Exists(fullPath))
            {
                // Another process created it first; it is tightened below.
            }
        }

        foreach (var file in new[] { fullPath, fullPath + "-wal", fullPath + "-shm" })
        {
            Restrict(file);
        }

        return fullPath;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void CreateOwnerOnly(string folder)
    {
        // Every folder created here (not only the last) gets 0700; existing parents are left alone.
        var missing = new Stack<string>();
        for (var current = folder; !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = System.IO.Path.GetDirectoryName(current))
        {
            missing.Push(current);
        }

        while (missing.TryPop(out var next))
        {
            Directory.CreateDirectory(next, FolderMode);
        }
    }

    private static void Restrict(string file)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(file))
        {
            return;
        }

        var mode = File.GetUnixFileMode(file);
        if ((mode & GroupOrOther) == 0)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(file, mode & ~GroupOrOther);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InvalidOperationException(
                $"The SQLite file '{file}' is readable by other users and cannot be restricted to the service user: {ex.Message}", ex);
        }
    }
}
