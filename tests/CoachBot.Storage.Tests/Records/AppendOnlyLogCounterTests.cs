using System.Runtime.CompilerServices;
using CoachBot.Storage.AzureBlob;
using CoachBot.Records;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Records;

/// <summary>Appends find the next number from the stream's counter document, not by listing every entry.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AppendOnlyLogCounterTests(AzuriteFixture azurite)
{
    public sealed record Note(int N);

    [Fact]
    public async Task AppendAsync_AfterTheFirst_ListsNoKeys()
    {
        var storage = new CountingStorage(new MemoryStorage());
        var sut = new AppendOnlyLog<Note>(storage, "notes");
        await sut.AppendAsync("s", new Note(0)); // a new stream: one listing to start the counter

        storage.Lists = 0;
        for (var n = 1; n <= 20; n++)
        {
            await sut.AppendAsync("s", new Note(n));
        }

        Assert.Equal(0, storage.Lists);
        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), (await ToListAsync(sut.ReadAsync("s"))).Select(e => e.Sequence));
    }

    [Fact]
    public async Task AppendAsync_StaleCounter_NeverOverwritesAndSkipsPastTheEntries()
    {
        var storage = new MemoryStorage();
        var sut = new AppendOnlyLog<Note>(storage, "notes");
        for (var n = 1; n <= 5; n++)
        {
            await sut.AppendAsync("s", new Note(n));
        }

        // A crash after an entry but before the counter, or an old writer: the counter says 2.
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["notes/s/next"] = new("{\"last\":2}", "*") });

        var sequence = await sut.AppendAsync("s", new Note(6));

        Assert.Equal(6, sequence);
        Assert.Equal([1, 2, 3, 4, 5, 6], (await ToListAsync(sut.ReadAsync("s"))).Select(e => e.Value.N));
    }

    [Theory]
    [InlineData("{\"last\":\"x\"}")]
    [InlineData("not json")]
    public async Task AppendAsync_DamagedCounter_StillAppends(string counter)
    {
        var storage = new MemoryStorage();
        var sut = new AppendOnlyLog<Note>(storage, "notes");
        await sut.AppendAsync("s", new Note(1));
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["notes/s/next"] = new(counter, "*") });

        Assert.Equal(2, await sut.AppendAsync("s", new Note(2)));
        Assert.Equal(3, await sut.AppendAsync("s", new Note(3)));
    }

    [Fact]
    public async Task DeleteStreamAsync_RemovesTheCounterToo()
    {
        var storage = new MemoryStorage();
        var sut = new AppendOnlyLog<Note>(storage, "notes");
        await sut.AppendAsync("s", new Note(1));

        Assert.Equal(1, await sut.DeleteStreamAsync("s"));

        Assert.Empty(await KeysAsync(storage, "notes/s/"));
        Assert.Equal(1, await sut.AppendAsync("s", new Note(2)));
    }

    [Fact]
    public async Task AppendAsync_ConcurrentWritersOnAzurite_EveryEntryKeptWithDistinctNumbers()
    {
        var storage = new AzureBlobStorage(azurite.Options());
        await storage.InitializeAsync();
        var logs = Enumerable.Range(0, 3).Select(_ => new AppendOnlyLog<Note>(storage, "notes")).ToArray();

        var sequences = await Task.WhenAll(Enumerable.Range(1, 12).Select(n => Task.Run(() => logs[n % 3].AppendAsync("s", new Note(n)))));

        Assert.Equal(12, sequences.Distinct().Count());
        var entries = await ToListAsync(logs[0].ReadAsync("s"));
        Assert.Equal(Enumerable.Range(1, 12), entries.Select(e => e.Value.N).Order());
        Assert.Equal(sequences.Order(), entries.Select(e => e.Sequence));
    }

    private static async Task<List<LogEntry<Note>>> ToListAsync(IAsyncEnumerable<LogEntry<Note>> source)
    {
        var list = new List<LogEntry<Note>>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<List<string>> KeysAsync(IStorage storage, string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in storage.ListKeysAsync(prefix))
        {
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Counts listings.</summary>
    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public int Lists { get; set; }

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(keys, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(keys, cancellationToken);

        public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Lists++;
            await foreach (var key in inner.ListKeysAsync(prefix, cancellationToken))
            {
                yield return key;
            }
        }
    }
}
