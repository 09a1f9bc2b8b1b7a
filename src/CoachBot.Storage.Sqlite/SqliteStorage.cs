using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// The embedded default <see cref="IStorage"/>: one SQLite file in WAL mode. A batch is one
/// transaction (all of it or none), ETags are random and change on every write, and the schema is
/// migrated once on first use (or at start-up through <see cref="InitializeAsync"/>).
/// Safe for many threads; writers in this process take turns, other processes wait up to the busy timeout.
/// </summary>
public sealed class SqliteStorage : IStorage, IDisposable
{
    private readonly SqliteStorageOptions _options;
    private readonly TimeProvider _timeProvider;
    private const int MaxGroupedBatches = 64;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentQueue<PendingWrite> _pending = new();
    private readonly Lock _initGate = new();
    private Task? _initialization;
    private SqliteSessionPool? _pool;
    private string? _fullPath;

    /// <summary>Creates the store; nothing is opened until first use or <see cref="InitializeAsync"/>.</summary>
    public SqliteStorage(SqliteStorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, "options.Path");
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The full path of the database file (known after initialisation).</summary>
    public string FullPath => _fullPath ?? System.IO.Path.GetFullPath(_options.Path);

    /// <summary>
    /// Creates the file (0600) and its folder (0700) when missing, turns on WAL and applies pending
    /// migrations. Idempotent; a failed attempt is retried on the next call.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        lock (_initGate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                // Not tied to one caller's token: several callers may share this initialisation.
                _initialization = Task.Run(Initialize, CancellationToken.None);
            }

            return _initialization.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        foreach (var key in keys)
        {
            ThrowIfBadKey(key);
        }

        // Several keys: one read transaction, so every key is read from the same snapshot. One key (a turn's state):
        // the statement alone, which is its own snapshot, without BEGIN and COMMIT around it.
        await UseSessionAsync(session =>
        {
            if (keys.Count == 1)
            {
                session.ReadInto(keys, result);
            }
            else
            {
                session.InTransaction(write: false, (s, _) => s.ReadInto(keys, result));
            }
        }, write: false, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, item) in changes)
        {
            ThrowIfBadKey(key);
            if (item is null)
            {
                throw new ArgumentException($"The item for key '{key}' is null.", nameof(changes));
            }

            if (item.Json is null)
            {
                throw new ArgumentException($"The item for key '{key}' has no JSON.", nameof(changes));
            }
        }

        if (changes.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        // Group commit: concurrent batches queue here and the writer that holds the gate commits every queued batch
        // in one transaction (one WAL commit, one fsync), each batch inside its own savepoint so it still succeeds or
        // fails on its own. A batch's WriteAsync returns only after the transaction holding it has committed.
        var pending = new PendingWrite(changes);
        _pending.Enqueue(pending);
        var gate = _writeGate.WaitAsync(cancellationToken);
        if (!gate.IsCompleted)
        {
            await Task.WhenAny(gate, pending.Result).ConfigureAwait(false);
            if (!gate.IsCompleted)
            {
                // Committed by the writer that held the gate: hand the gate on as soon as this wait gets it.
                _ = gate.ContinueWith(static (wait, semaphore) =>
                {
                    if (wait.IsCompletedSuccessfully)
                    {
                        ((SemaphoreSlim)semaphore!).Release();
                    }
                }, _writeGate, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return await pending.Result.ConfigureAwait(false);
            }
        }

        try
        {
            await gate.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (pending.TryCancel())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // Another writer already took this batch into its transaction: its outcome is the answer.
            return await pending.Result.ConfigureAwait(false);
        }

        try
        {
            // A group holds at most MaxGroupedBatches: repeat until this caller's batch was in one.
            while (!pending.Result.IsCompleted)
            {
                await CommitPendingAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }

        return await pending.Result.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        foreach (var key in keys)
        {
            ThrowIfBadKey(key);
        }

        await UseSessionAsync(session => session.InTransaction(write: true, (s, _) =>
        {
            foreach (var key in keys)
            {
                s.Delete.Parameters["$key"].Value = key;
                s.Delete.ExecuteNonQuery();
            }
        }), write: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The matching keys are read in one go (a range scan on the primary key, no LIKE) and then
    /// yielded in ordinal order, so no connection is held while the caller iterates.
    /// </remarks>
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var keys = new List<string>();
        await UseSessionAsync(session => session.InTransaction(write: false, (s, _) =>
        {
            s.ListFrom.Parameters["$prefix"].Value = prefix;
            using var reader = s.ListFrom.ExecuteReader();
            while (reader.Read())
            {
                // Keys with the prefix are one contiguous run in byte order, starting at the prefix.
                var key = reader.GetString(0);
                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    break;
                }

                keys.Add(key);
            }
        }), write: false, cancellationToken).ConfigureAwait(false);

        // SQLite orders by UTF-8 bytes; the contract is UTF-16 ordinal (they differ above U+FFFF).
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose()
    {
        _pool?.Dispose();
        _writeGate.Dispose();
    }

    /// <summary>Takes the queued batches (the caller's among them) and commits them in one transaction.</summary>
    private async Task CommitPendingAsync()
    {
        var group = new List<PendingWrite>();
        while (group.Count < MaxGroupedBatches && _pending.TryDequeue(out var next))
        {
            if (next.TryTake())
            {
                group.Add(next);
            }
        }

        if (group.Count == 0)
        {
            return;
        }

        try
        {
            // Not cancellable: the batches in the group belong to several callers.
            await UseSessionAsync(session => WriteGroup(session, group), write: false, CancellationToken.None).ConfigureAwait(false);
            foreach (var write in group)
            {
                write.Complete();
            }
        }
#pragma warning disable CA1031 // Every caller in the group gets the failure of the shared transaction.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var write in group)
            {
                write.Fail(ex);
            }
        }
    }

    private void WriteGroup(SqliteSession session, List<PendingWrite> group)
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        session.InTransaction(write: true, (s, transaction) =>
        {
            foreach (var write in group)
            {
                transaction.Save("batch");
                try
                {
                    write.ETags = s.WriteBatch(write.Changes, now);
                    transaction.Release("batch");
                }
                catch (StorageConflictException ex)
                {
                    // Only this batch is undone; the others in the transaction go on.
                    transaction.Rollback("batch");
                    transaction.Release("batch");
                    write.Conflict = ex;
                }
            }
        });
    }

    private static void ThrowIfBadKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("Storage keys must be non-empty strings.", nameof(key));
        }
    }

    private void Initialize()
    {
        var fullPath = SqliteFiles.Prepare(_options.Path);
        try
        {
            using var connection = SqliteConnections.Open(fullPath, _options.BusyTimeout);
            var mode = SqliteConnections.Scalar(connection, "PRAGMA journal_mode = WAL;") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite could not switch '{fullPath}' to WAL mode (it reports '{mode}').");
            }

            SqliteMigrator.Migrate(connection, SqliteMigrations.All, _timeProvider);
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException($"SQLite storage '{fullPath}' could not be opened: {ex.Message}", ex);
        }

        _fullPath = fullPath;
        _pool = new SqliteSessionPool(fullPath, _options.BusyTimeout, _options.MaxConnections);
    }

    private async Task UseSessionAsync(Action<SqliteSession> work, bool write, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var pool = _pool!;
        if (write)
        {
            // Writers in this process queue here instead of spinning in SQLite's busy handler.
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var session = await pool.RentAsync(cancellationToken).ConfigureAwait(false);
            var healthy = false;
            try
            {
                work(session);
                healthy = true;
            }
            catch (StorageConflictException)
            {
                // A conflict is an answer, not a fault: its transaction was rolled back and the session is reused.
                healthy = true;
                throw;
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException($"SQLite storage '{_fullPath}' failed: {ex.Message}", ex);
            }
            finally
            {
                pool.Return(session, healthy);
            }
        }
        finally
        {
            if (write)
            {
                _writeGate.Release();
            }
        }
    }

    /// <summary>One caller's batch waiting for a group commit.</summary>
    private sealed class PendingWrite(IReadOnlyDictionary<string, StoreItem> changes)
    {
        private const int Waiting = 0;
        private const int Taken = 1;
        private const int Cancelled = 2;
        private readonly TaskCompletionSource<IReadOnlyDictionary<string, string>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public IReadOnlyDictionary<string, StoreItem> Changes => changes;

        public Task<IReadOnlyDictionary<string, string>> Result => _done.Task;

        public Dictionary<string, string>? ETags { get; set; }

        public StorageConflictException? Conflict { get; set; }

        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

        public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting;

        public void Complete()
        {
            if (Conflict is not null)
            {
                _done.SetException(Conflict);
            }
            else
            {
                _done.SetResult(ETags!);
            }
        }

        public void Fail(Exception error) => _done.TrySetException(error);
    }
}
