using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Contract;

/// <summary>The contract suite on SQLite, in a temporary file.</summary>
public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override Task<IStorage> CreateStorageAsync() =>
        Task.FromResult<IStorage>(new SqliteStorage(new SqliteStorageOptions { Path = _folder.File("store.db") }));

    protected override Task<IStorage?> NewStoreOnSameBackingAsync()
    {
        var other = new SqliteStorage(new SqliteStorageOptions { Path = _folder.File("store.db") });
        Track(other);
        return Task.FromResult<IStorage?>(other);
    }

    public void Dispose() => _folder.Dispose();
}
