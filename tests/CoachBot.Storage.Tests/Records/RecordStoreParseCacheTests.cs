using CoachBot.Records;
using CoachBot.Storage.Tests.Support;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Storage.Tests.Records;

/// <summary>A record whose stored document has not changed is not parsed again; a changed one always is.</summary>
public sealed class RecordStoreParseCacheTests : IDisposable
{
    private readonly ProviderStorage _storage = new();

    public sealed record Note(string Text);

    public void Dispose() => _storage.Dispose();

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task UnchangedDocument_IsParsedOnce_AndAWriteFromAnotherHostIsSeen(string provider)
    {
        var storage = await _storage.CreateAsync(provider);
        var store = new RecordStore(storage);
        var otherHost = new RecordStore(storage);
        await store.WriteAsync("notes/1", new Note("first"), etag: null, CancellationToken.None);

        var (first, etag) = await store.ReadAsync<Note>("notes/1", unitOfWork: null, CancellationToken.None);
        var (again, etagAgain) = await store.ReadAsync<Note>("notes/1", unitOfWork: null, CancellationToken.None);
        Assert.Same(first, again); // the same parsed instance: not parsed a second time
        Assert.Equal(etag, etagAgain);

        await otherHost.WriteAsync("notes/1", new Note("second"), etag, CancellationToken.None);
        var (changed, changedETag) = await store.ReadAsync<Note>("notes/1", unitOfWork: null, CancellationToken.None);
        Assert.Equal("second", changed!.Text);
        Assert.NotEqual(etag, changedETag);
    }

    [Fact]
    public async Task ARecordStagedByATurn_IsKeptAsParsedOnceTheTurnCommits()
    {
        var storage = new MemoryStorage();
        var store = new RecordStore(storage);
        var staged = new Note("written in a turn");
        await using var adapter = new TestAdapter(
            (turn, _) =>
            {
                store.Stage(turn, "notes/7", staged, etag: null);
                return Task.CompletedTask;
            },
            services => services.AddSingleton<IStorage>(storage));

        await adapter.SendTextAsync("hello");

        var (read, etag) = await store.ReadAsync<Note>("notes/7", unitOfWork: null, CancellationToken.None);
        Assert.Same(staged, read); // the next read does not parse the document the turn wrote
        Assert.NotNull(etag);
    }

    [Fact]
    public async Task ARecordStagedByATurnThatFails_IsNotKept()
    {
        var storage = new MemoryStorage();
        var store = new RecordStore(storage);
        await store.WriteAsync("notes/8", new Note("stored"), etag: null, CancellationToken.None);
        var (current, currentETag) = await store.ReadAsync<Note>("notes/8", unitOfWork: null, CancellationToken.None);
        await using var adapter = new TestAdapter(
            (turn, _) =>
            {
                store.Stage(turn, "notes/8", new Note("never committed"), etag: "a stale etag");
                return Task.CompletedTask;
            },
            services => services.AddSingleton<IStorage>(storage));

        await adapter.SendTextAsync("hello"); // the commit conflicts; the turn error handler answers

        var (read, etag) = await store.ReadAsync<Note>("notes/8", unitOfWork: null, CancellationToken.None);
        Assert.Equal("stored", read!.Text);
        Assert.Same(current, read);
        Assert.Equal(currentETag, etag);
    }

    [Fact]
    public async Task PastTheCapacity_ReadsStillReturnTheStoredDocuments()
    {
        var store = new RecordStore(new MemoryStorage());
        for (var i = 0; i < RecordStore.ParsedCapacity + 10; i++)
        {
            await store.WriteAsync($"notes/{i}", new Note($"n{i}"), etag: null, CancellationToken.None);
            var (read, _) = await store.ReadAsync<Note>($"notes/{i}", unitOfWork: null, CancellationToken.None);
            Assert.Equal($"n{i}", read!.Text);
        }

        var (early, _) = await store.ReadAsync<Note>("notes/0", unitOfWork: null, CancellationToken.None);
        Assert.Equal("n0", early!.Text);
    }
}
