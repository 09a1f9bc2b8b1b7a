using System.Buffers;
using System.Text;
using SQLitePCL;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// One compiled statement: bind values (parameters are numbered from 1), step through the rows, then
/// <see cref="Reset"/> so it can run again. Text crosses as UTF-8 with no intermediate strings.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private const int StackLimit = 512;
    private readonly SqliteDatabase _database;
    private readonly sqlite3_stmt _handle;

    public SqliteStatement(SqliteDatabase database, sqlite3_stmt handle)
    {
        _database = database;
        _handle = handle;
    }

    /// <summary>Binds text to parameter <paramref name="index"/> (SQLite copies it).</summary>
    public void Bind(int index, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            _database.Check(raw.sqlite3_bind_text(_handle, index, buffer[..written]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Binds an integer to parameter <paramref name="index"/>.</summary>
    public void Bind(int index, long value) => _database.Check(raw.sqlite3_bind_int64(_handle, index, value));

    /// <summary>Runs to the next row: true when there is one, false when the statement is done.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_handle);
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw _database.Error(rc),
        };
    }

    /// <summary>Runs a statement that returns no rows and gives the number of rows it changed; then resets it.</summary>
    public int Execute()
    {
        try
        {
            while (Step())
            {
            }

            return _database.Changes;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Whether column <paramref name="column"/> of the current row is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_handle, column) == raw.SQLITE_NULL;

    /// <summary>Column <paramref name="column"/> of the current row as text.</summary>
    public string GetText(int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(_handle, column));

    /// <summary>Column <paramref name="column"/> of the current row as an integer.</summary>
    public long GetInt64(int column) => raw.sqlite3_column_int64(_handle, column);

    /// <summary>Makes the statement ready to run again and clears its bindings.</summary>
    public void Reset()
    {
        // sqlite3_reset repeats the error of a failed step; that error was already thrown by Step.
        _ = raw.sqlite3_reset(_handle);
        _ = raw.sqlite3_clear_bindings(_handle);
    }

    public void Dispose() => _handle.Dispose();
}
