using System.Collections.Concurrent;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// A small pool of <see cref="SqliteSession"/>s: at most <c>MaxConnections</c> open, each used by one
/// caller at a time, kept open between calls so their prepared commands are reused.
/// </summary>
internal sealed class SqliteSessionPool : IDisposable
{
    private readonly string _path;
    private readonly TimeSpan _busyTimeout;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private bool _disposed;

    public SqliteSessionPool(string path, TimeSpan busyTimeout, int maxSessions)
    {
        _path = path;
        _busyTimeout = busyTimeout;
        _slots = new SemaphoreSlim(maxSessions, maxSessions);
    }

    public async Task<SqliteSession> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_idle.TryTake(out var session))
        {
            return session;
        }

        try
        {
            return new SqliteSession(_path, _busyTimeout);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Gives a session back; a session that failed is closed instead of reused.</summary>
    public void Return(SqliteSession session, bool healthy)
    {
        if (healthy && !_disposed)
        {
            _idle.Add(session);
        }
        else
        {
            session.Dispose();
        }

        _slots.Release();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}
