using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Contract;

/// <summary>The contract suite on Azure Blob Storage, against Azurite, with small list pages.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureBlobStorageContractTests(AzuriteFixture azurite) : StorageContractTests
{
    private const int PageSize = 4;
    private AzureBlobStorageOptions? _options;

    protected override bool BatchesAreAtomic => false;

    // Several List Blobs pages of PageSize.
    protected override int ManyKeys => (PageSize * 5) + 1;

    protected override Task<IStorage> CreateStorageAsync()
    {
        _options = azurite.Options(listPageSize: PageSize);
        return Task.FromResult<IStorage>(new AzureBlobStorage(_options));
    }

    protected override Task<IStorage?> NewStoreOnSameBackingAsync()
    {
        var other = new AzureBlobStorage(new AzureBlobStorageOptions
        {
            ConnectionString = _options!.ConnectionString,
            Container = _options.Container,
        });
        Track(other);
        return Task.FromResult<IStorage?>(other);
    }
}
