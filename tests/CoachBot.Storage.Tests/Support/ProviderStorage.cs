using CoachBot.Storage.Sqlite;

namespace CoachBot.Storage.Tests.Support;

/// <summary>
/// Storage by provider name for tests that run on both "memory" and "sqlite"; SQLite databases live in a temporary
/// folder, and every store made is disposed with it.
/// </summary>
public sealed class ProviderStorage : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<IDisposable> _stores = [];

    /// <summary>A new, initialised store: <see cref="MemoryStorage"/> for "memory", a SQLite file otherwise.</summary>
    public async Task<IStorage> CreateAsync(string provider)
    {
        if (provider == "memory")
        {
            return new MemoryStorage();
        }

        var sqlite = new SqliteStorage(new SqliteStorageOptions { Path = _folder.File($"store-{_stores.Count}.db") });
        _stores.Add(sqlite);
        await sqlite.InitializeAsync();
        return sqlite;
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        _folder.Dispose();
    }
}
