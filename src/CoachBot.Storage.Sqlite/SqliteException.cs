namespace CoachBot.Storage.Sqlite;

/// <summary>An error reported by SQLite itself: the result code and SQLite's own message.</summary>
public sealed class SqliteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqliteException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SqliteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SqliteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an SQLite result code.</summary>
    public SqliteException(string message, int resultCode)
        : base(message)
    {
        ResultCode = resultCode;
    }

    /// <summary>SQLite's (extended) result code, for example 5 (SQLITE_BUSY) or 11 (SQLITE_CORRUPT).</summary>
    public int ResultCode { get; }
}
