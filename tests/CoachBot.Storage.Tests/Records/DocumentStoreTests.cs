using CoachBot.Records;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Records;

public sealed class DocumentStoreTests : IDisposable
{
    private readonly ProviderStorage _storage = new();

    public sealed record Counter(string Name, int Count);

    public void Dispose() => _storage.Dispose();

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task CreateAsync_ThenGet_RoundTripsWithETag(string provider)
    {
        var sut = await CreateSutAsync(provider);

        var etag = await sut.CreateAsync("ana/1", new Counter("Ana", 1));

        var read = await sut.GetAsync("ana/1");
        Assert.Equal(new Versioned<Counter>(new Counter("Ana", 1), etag), read);
        Assert.Equal("counters/ana%2F1", sut.KeyFor("ana/1"));
    }

    [Fact]
    public async Task CreateAsync_ExistingId_ThrowsConflict()
    {
        var sut = await CreateSutAsync("memory");
        await sut.CreateAsync("a", new Counter("a", 1));

        await Assert.ThrowsAsync<StorageConflictException>(() => sut.CreateAsync("a", new Counter("a", 2)));
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsConflictAndKeepsNewer()
    {
        var sut = await CreateSutAsync("memory");
        var stale = await sut.CreateAsync("a", new Counter("a", 1));
        await sut.ReplaceAsync("a", new Counter("a", 2), stale);

        await Assert.ThrowsAsync<StorageConflictException>(() => sut.ReplaceAsync("a", new Counter("a", 3), stale));

        Assert.Equal(2, (await sut.GetAsync("a"))!.Value.Count);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task UpdateAsync_ManyConcurrentUpdaters_LoseNoUpdate(string provider)
    {
        var sut = await CreateSutAsync(provider);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
            sut.UpdateAsync("shared", c => new Counter("shared", (c?.Count ?? 0) + 1), maxAttempts: 50))));

        Assert.Equal(12, (await sut.GetAsync("shared"))!.Value.Count);
    }

    [Fact]
    public async Task UpdateAsync_AlwaysLosing_ThrowsConflictAfterMaxAttempts()
    {
        var storage = new MemoryStorage();
        var sut = new DocumentStore<Counter>(storage, "counters");
        var other = new DocumentStore<Counter>(storage, "counters");
        await sut.CreateAsync("a", new Counter("a", 0));
        var calls = 0;

        await Assert.ThrowsAsync<StorageConflictException>(() => sut.UpdateAsync("a", c =>
        {
            calls++;
            // Someone else writes between every read and write.
            other.UpdateAsync("a", x => x! with { Count = x.Count + 100 }).GetAwaiter().GetResult();
            return c! with { Count = c.Count + 1 };
        }, maxAttempts: 3));

        Assert.Equal(3, calls);
        Assert.Equal(300, (await sut.GetAsync("a"))!.Value.Count);
    }

    [Fact]
    public async Task GetAsync_StoredJsonIsNotTheType_ThrowsInvalidDataNamingTheKey()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["counters/bad"] = new("[1,2", null) });
        var sut = new DocumentStore<Counter>(storage, "counters");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => sut.GetAsync("bad"));

        Assert.Contains("'counters/bad' is not a valid Counter", ex.Message, StringComparison.Ordinal);
        Assert.Single(await storage.ReadAsync(["counters/bad"]));
    }

    [Fact]
    public async Task ListIdsAsync_OtherCollectionsAndDeleted_AreNotListed()
    {
        var storage = new MemoryStorage();
        var sut = new DocumentStore<Counter>(storage, "counters");
        var others = new DocumentStore<Counter>(storage, "counters2");
        await sut.CreateAsync("b/1", new Counter("b", 1));
        await sut.CreateAsync("a", new Counter("a", 1));
        await sut.CreateAsync("gone", new Counter("gone", 1));
        await others.CreateAsync("x", new Counter("x", 1));
        await sut.DeleteAsync("gone");

        var ids = new List<string>();
        await foreach (var id in sut.ListIdsAsync())
        {
            ids.Add(id);
        }

        Assert.Equal(["a", "b/1"], ids);
    }

    private async Task<DocumentStore<Counter>> CreateSutAsync(string provider) =>
        new(await _storage.CreateAsync(provider), "counters");
}
