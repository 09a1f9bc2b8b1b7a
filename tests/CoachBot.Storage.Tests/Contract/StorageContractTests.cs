
namespace CoachBot.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IStorage"/> must have (in the style of botbuilder's StorageBaseTests).
/// Each implementation runs it through a small subclass that says how to create a fresh, empty store.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private readonly List<IStorage> _stores = [];

    protected IStorage Storage { get; private set; } = null!;

    /// <summary>True when a batch with a conflict writes nothing (SQLite, memory); false for blobs.</summary>
    protected virtual bool BatchesAreAtomic => true;

    /// <summary>Keys written by <see cref="ListKeysAsync_ManyKeys_ReturnsEveryKey"/>: above one list page for blobs.</summary>
    protected virtual int ManyKeys => 25;

    public async Task InitializeAsync() => Storage = await NewStoreAsync();

    public Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            if (store is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Creates a new, empty store.</summary>
    protected abstract Task<IStorage> CreateStorageAsync();

    [Fact]
    public async Task ReadAsync_UnknownKey_IsAbsent()
    {
        var result = await Storage.ReadAsync(["nobody/knows"]);

        Assert.Empty(result);
    }

    [Fact]
    public async Task ReadAsync_SomeKeysUnknown_ReturnsOnlyKnownOnes()
    {
        await Storage.WriteAsync(Items(("known", "{\"a\":1}", null)));

        var result = await Storage.ReadAsync(["known", "unknown"]);

        Assert.Equal(["known"], result.Keys);
    }

    [Fact]
    public async Task WriteAsync_NullETag_CreatesItemWithReturnedETag()
    {
        var etags = await Storage.WriteAsync(Items(("patients/1", "{\"name\":\"Ana\"}", null)));

        var read = (await Storage.ReadAsync(["patients/1"]))["patients/1"];
        Assert.Equal("{\"name\":\"Ana\"}", read.Json);
        Assert.False(string.IsNullOrEmpty(etags["patients/1"]));
        Assert.Equal(etags["patients/1"], read.ETag);
    }

    [Fact]
    public async Task WriteAsync_NullETagOnExistingKey_ThrowsConflictAndKeepsValue()
    {
        await Storage.WriteAsync(Items(("k", "{\"v\":1}", null)));

        var ex = await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync(Items(("k", "{\"v\":2}", null))));

        Assert.Equal("k", ex.Key);
        Assert.Equal("{\"v\":1}", (await Storage.ReadAsync(["k"]))["k"].Json);
    }

    [Fact]
    public async Task WriteAsync_MatchingETag_UpdatesAndChangesETag()
    {
        var first = (await Storage.WriteAsync(Items(("k", "{\"v\":1}", null))))["k"];

        var second = (await Storage.WriteAsync(Items(("k", "{\"v\":2}", first))))["k"];

        var read = (await Storage.ReadAsync(["k"]))["k"];
        Assert.Equal("{\"v\":2}", read.Json);
        Assert.NotEqual(first, second);
        Assert.Equal(second, read.ETag);
    }

    [Fact]
    public async Task WriteAsync_SameContentAgain_ChangesETag()
    {
        var first = (await Storage.WriteAsync(Items(("k", "{}", null))))["k"];

        var second = (await Storage.WriteAsync(Items(("k", "{}", first))))["k"];

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsConflictAndKeepsNewerValue()
    {
        var stale = (await Storage.WriteAsync(Items(("k", "{\"v\":1}", null))))["k"];
        await Storage.WriteAsync(Items(("k", "{\"v\":2}", stale)));

        var ex = await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync(Items(("k", "{\"v\":3}", stale))));

        Assert.Equal("k", ex.Key);
        Assert.Equal("{\"v\":2}", (await Storage.ReadAsync(["k"]))["k"].Json);
    }

    [Fact]
    public async Task WriteAsync_ETagForMissingKey_ThrowsConflictAndCreatesNothing()
    {
        var etag = (await Storage.WriteAsync(Items(("other", "{}", null))))["other"];

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync(Items(("missing", "{}", etag))));

        Assert.Empty(await Storage.ReadAsync(["missing"]));
    }

    [Fact]
    public async Task WriteAsync_Star_CreatesThenOverwritesWhateverIsStored()
    {
        await Storage.WriteAsync(Items(("k", "{\"v\":1}", "*")));
        var etag = (await Storage.WriteAsync(Items(("k", "{\"v\":2}", "*"))))["k"];

        var read = (await Storage.ReadAsync(["k"]))["k"];
        Assert.Equal("{\"v\":2}", read.Json);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task WriteAsync_EmptyKey_ThrowsArgumentException()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.WriteAsync(Items((string.Empty, "{}", "*"))));
    }

    [Fact]
    public async Task WriteAsync_Json_RoundTripsExactly()
    {
        const string json = "{\n  \"text\": \"Rücken – 😀 \\\"quoted\\\"\",\n  \"n\": [1, 2.5, null, true]\n}";

        await Storage.WriteAsync(Items(("doc", json, null)));

        Assert.Equal(json, (await Storage.ReadAsync(["doc"]))["doc"].Json);
    }

    [Fact]
    public async Task WriteAsync_LargeDocumentsInOneBatch_EachRoundTripsExactly()
    {
        var first = "{\"t\":\"" + string.Concat(Enumerable.Repeat("Schmerz ≠ Schaden 😀 ", 3_000)) + "\"}";
        var second = "{\"t\":\"" + new string('z', 60_000) + "\"}";

        await Storage.WriteAsync(Items(("big/1", first, null), ("big/2", second, null)));

        var read = await Storage.ReadAsync(["big/1", "big/2"]);
        Assert.Equal(first, read["big/1"].Json);
        Assert.Equal(second, read["big/2"].Json);
    }

    [Fact]
    public async Task DeleteAsync_ExistingKey_RemovesItAndOldETagNoLongerMatches()
    {
        var etag = (await Storage.WriteAsync(Items(("k", "{}", null))))["k"];

        await Storage.DeleteAsync(["k"]);

        Assert.Empty(await Storage.ReadAsync(["k"]));
        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync(Items(("k", "{}", etag))));
        var created = await Storage.WriteAsync(Items(("k", "{\"again\":true}", null)));
        Assert.NotEqual(etag, created["k"]);
    }

    [Fact]
    public async Task DeleteAsync_MissingKeys_AreIgnored()
    {
        await Storage.WriteAsync(Items(("keep", "{}", null)));

        await Storage.DeleteAsync(["missing-1", "missing-2"]);

        Assert.Single(await Storage.ReadAsync(["keep"]));
    }

    public static TheoryData<string> OddKeys => new()
    {
        "msteams/conversations/a:19:abc@thread.v2|note;x=1",
        "webchat/users/Zoë Ångström/profile",
        "patients/患者/😀",
        "a b  c ",
        "%2F%25 literal percent",
        ".",
        "..",
        "ends-with-dot.",
        "ends/with/slash/",
        "back\\slash?query#hash&amp+plus",
        "tab\tand\u00A0nbsp",
        "long/" + new string('x', 300) + "/end",
    };

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task WriteAsync_OddKey_RoundTripsListsAndDeletes(string key)
    {
        await Storage.WriteAsync(Items((key, "{\"ok\":true}", null)));

        Assert.Equal("{\"ok\":true}", (await Storage.ReadAsync([key]))[key].Json);
        Assert.Equal([key], await ToListAsync(Storage.ListKeysAsync(key)));
        await Storage.DeleteAsync([key]);
        Assert.Empty(await Storage.ReadAsync([key]));
    }

    [Fact]
    public async Task WriteAsync_Batch_WritesEveryKey()
    {
        var etags = await Storage.WriteAsync(Items(("a", "{\"n\":1}", null), ("b", "{\"n\":2}", "*"), ("c", "{\"n\":3}", null)));

        var read = await Storage.ReadAsync(["a", "b", "c"]);
        Assert.Equal(3, read.Count);
        Assert.All(read, pair => Assert.Equal(etags[pair.Key], pair.Value.ETag));
    }

    [Fact]
    public async Task WriteAsync_BatchWithOneConflict_ThrowsAndWritesNothingWhereAtomic()
    {
        await Storage.WriteAsync(Items(("taken", "{\"v\":1}", null)));

        var ex = await Assert.ThrowsAsync<StorageConflictException>(() =>
            Storage.WriteAsync(Items(("fresh-1", "{}", null), ("taken", "{\"v\":2}", null), ("fresh-2", "{}", null))));

        Assert.Equal("taken", ex.Key);
        Assert.Equal("{\"v\":1}", (await Storage.ReadAsync(["taken"]))["taken"].Json);
        var written = await Storage.ReadAsync(["fresh-1", "fresh-2"]);
        if (BatchesAreAtomic)
        {
            Assert.Empty(written);
        }
        else
        {
            // Blobs: applied in order, stopping at the conflict; the message says so.
            Assert.Equal(["fresh-1"], written.Keys);
            Assert.Contains("not atomic", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ListKeysAsync_Prefix_ReturnsMatchingKeysInOrdinalOrder()
    {
        string[] keys =
        [
            "p/b", "p/a", "p/B", "p/é", "p/\uE000", "p/😀", "p/a/deeper", "p", "q/a", "P/a", "pa",
        ];
        await Storage.WriteAsync(Items(keys.Select(k => (k, "{}", (string?)null)).ToArray()));

        var listed = await ToListAsync(Storage.ListKeysAsync("p/"));

        var expected = keys.Where(k => k.StartsWith("p/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task ListKeysAsync_EmptyPrefix_ReturnsEveryKey()
    {
        await Storage.WriteAsync(Items(("b", "{}", null), ("a", "{}", null), ("c/d", "{}", null)));

        Assert.Equal(["a", "b", "c/d"], await ToListAsync(Storage.ListKeysAsync(string.Empty)));
    }

    [Fact]
    public async Task ListKeysAsync_PrefixWithLikeWildcards_MatchesThemLiterally()
    {
        await Storage.WriteAsync(Items(("a%b", "{}", null), ("a_b", "{}", null), ("axb", "{}", null), ("a\\b", "{}", null)));

        Assert.Equal(["a%b"], await ToListAsync(Storage.ListKeysAsync("a%")));
        Assert.Equal(["a_b"], await ToListAsync(Storage.ListKeysAsync("a_")));
        Assert.Equal(["a\\b"], await ToListAsync(Storage.ListKeysAsync("a\\")));
    }

    [Fact]
    public async Task ListKeysAsync_ManyKeys_ReturnsEveryKey()
    {
        var keys = Enumerable.Range(0, ManyKeys).Select(i => $"many/{i:D3}").ToArray();
        await Storage.WriteAsync(Items(keys.Select(k => (k, "{}", (string?)null)).ToArray()));
        await Storage.WriteAsync(Items(("manz", "{}", null), ("man", "{}", null)));

        Assert.Equal(keys, await ToListAsync(Storage.ListKeysAsync("many/")));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentConditionalWriters_ExactlyOneWinsEachRound()
    {
        const int writers = 8;
        var etag = (await Storage.WriteAsync(Items(("contended", "{\"round\":0}", null))))["contended"];
        for (var round = 1; round <= 5; round++)
        {
            var current = etag;
            var attempts = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
            {
                var json = $"{{\"round\":{round},\"writer\":{writer}}}";
                try
                {
                    var written = await Storage.WriteAsync(Items(("contended", json, current)));
                    return (Won: true, Json: json, ETag: written["contended"]);
                }
                catch (StorageConflictException)
                {
                    return (Won: false, Json: json, ETag: string.Empty);
                }
            })).ToArray();

            var results = await Task.WhenAll(attempts);

            var winner = Assert.Single(results, r => r.Won);
            var stored = (await Storage.ReadAsync(["contended"]))["contended"];
            Assert.Equal(winner.Json, stored.Json);
            Assert.Equal(winner.ETag, stored.ETag);
            etag = stored.ETag!;
        }
    }

    [Fact]
    public async Task WriteAsync_SecondStoreOnSameBacking_SeesWritesAndConflicts()
    {
        if (await NewStoreOnSameBackingAsync() is not { } other)
        {
            // Memory: one instance is the whole store; nothing to share.
            Assert.IsType<MemoryStorage>(Storage);
            return;
        }

        var etag = (await Storage.WriteAsync(Items(("shared", "{\"by\":1}", null))))["shared"];

        var seen = (await other.ReadAsync(["shared"]))["shared"];
        await other.WriteAsync(Items(("shared", "{\"by\":2}", seen.ETag)));

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync(Items(("shared", "{\"by\":1,\"again\":true}", etag))));
        Assert.Equal("{\"by\":2}", (await Storage.ReadAsync(["shared"]))["shared"].Json);
    }

    /// <summary>A second store over the same data (another process's view), or null where there is none.</summary>
    protected virtual Task<IStorage?> NewStoreOnSameBackingAsync() => Task.FromResult<IStorage?>(null);

    protected async Task<IStorage> NewStoreAsync()
    {
        var store = await CreateStorageAsync();
        _stores.Add(store);
        return store;
    }

    protected void Track(IStorage store) => _stores.Add(store);

    protected static Dictionary<string, StoreItem> Items(params (string Key, string Json, string? ETag)[] items) =>
        items.ToDictionary(i => i.Key, i => new StoreItem(i.Json, i.ETag), StringComparer.Ordinal);

    protected static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> source)
    {
        var list = new List<string>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
