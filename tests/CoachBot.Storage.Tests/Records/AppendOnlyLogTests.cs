using CoachBot.Records;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Records;

public sealed class AppendOnlyLogTests : IDisposable
{
    private readonly ProviderStorage _storage = new();

    public sealed record CheckIn(int Day, int Pain);

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task AppendAsync_Entries_AreNumberedAndReadInOrder()
    {
        var sut = new AppendOnlyLog<CheckIn>(new MemoryStorage(), "checkins");

        var first = await sut.AppendAsync("patient/1", new CheckIn(1, 4));
        var second = await sut.AppendAsync("patient/1", new CheckIn(2, 3));
        await sut.AppendAsync("patient/2", new CheckIn(1, 7));

        Assert.Equal((1L, 2L), (first, second));
        Assert.Equal(
            [new LogEntry<CheckIn>(1, new CheckIn(1, 4)), new LogEntry<CheckIn>(2, new CheckIn(2, 3))],
            await ToListAsync(sut.ReadAsync("patient/1")));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task AppendAsync_ConcurrentWriters_EveryEntryKeptWithDistinctNumbers(string provider)
    {
        var sut = await CreateSutAsync(provider);

        var sequences = await Task.WhenAll(Enumerable.Range(1, 15).Select(day => Task.Run(() => sut.AppendAsync("p", new CheckIn(day, day % 10)))));

        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), sequences.Order());
        var entries = await ToListAsync(sut.ReadAsync("p"));
        Assert.Equal(Enumerable.Range(1, 15), entries.Select(e => e.Value.Day).Order());
        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AppendAsync_ExistingEntry_IsNeverOverwritten()
    {
        var storage = new MemoryStorage();
        var sut = new AppendOnlyLog<CheckIn>(storage, "checkins");
        await sut.AppendAsync("p", new CheckIn(1, 5));

        // A second writer that still believes the stream is empty takes number 2, not 1.
        var sequence = await new AppendOnlyLog<CheckIn>(storage, "checkins").AppendAsync("p", new CheckIn(2, 6));

        Assert.Equal(2, sequence);
        Assert.Equal(new CheckIn(1, 5), (await ToListAsync(sut.ReadAsync("p")))[0].Value);
    }

    [Fact]
    public async Task DeleteStreamAsync_Stream_RemovesOnlyThatStream()
    {
        var sut = new AppendOnlyLog<CheckIn>(new MemoryStorage(), "checkins");
        await sut.AppendAsync("p1", new CheckIn(1, 1));
        await sut.AppendAsync("p1", new CheckIn(2, 1));
        await sut.AppendAsync("p10", new CheckIn(1, 1));

        var deleted = await sut.DeleteStreamAsync("p1");

        Assert.Equal(2, deleted);
        Assert.Empty(await ToListAsync(sut.ReadAsync("p1")));
        Assert.Single(await ToListAsync(sut.ReadAsync("p10")));
    }

    private async Task<AppendOnlyLog<CheckIn>> CreateSutAsync(string provider) =>
        new(await _storage.CreateAsync(provider), "checkins");

    private static async Task<List<LogEntry<CheckIn>>> ToListAsync(IAsyncEnumerable<LogEntry<CheckIn>> source)
    {
        var list = new List<LogEntry<CheckIn>>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
