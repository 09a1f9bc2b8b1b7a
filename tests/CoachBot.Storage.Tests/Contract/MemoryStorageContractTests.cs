
namespace CoachBot.Storage.Tests.Contract;

/// <summary>The contract suite on the in-memory store.</summary>
public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override Task<IStorage> CreateStorageAsync() => Task.FromResult<IStorage>(new MemoryStorage());
}
