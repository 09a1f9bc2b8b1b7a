using System.Net;
using CoachBot.Protocol.State;
using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.AzureBlob;

/// <summary>What only the blob store does: SAS, retries, lost answers to conditional writes, errors.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureBlobStorageTests(AzuriteFixture azurite)
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public async Task WriteAsync_AccountUrlAndSas_CreatesContainerWritesListsAndDeletes()
    {
        var sas = AccountSas.Create(AzureBlobConnection.DevelopmentAccountName, DevKey, "rwdlac", "2099-01-01T00:00:00Z");
        using var store = new AzureBlobStorage(new AzureBlobStorageOptions
        {
            AccountUrl = azurite.BlobEndpoint.ToString(),
            Sas = "?" + sas,
            Container = AzuriteFixture.NewContainer(),
        });

        var etag = (await store.WriteAsync(Items(("sas/key one", "{\"via\":\"sas\"}", null))))["sas/key one"];

        Assert.Equal(etag, (await store.ReadAsync(["sas/key one"]))["sas/key one"].ETag);
        Assert.Equal(["sas/key one"], await ToListAsync(store.ListKeysAsync("sas/")));
        await store.DeleteAsync(["sas/key one"]);
        Assert.Empty(await store.ReadAsync(["sas/key one"]));
    }

    [Fact]
    public async Task ReadAsync_WrongAccountKey_ThrowsForbiddenWithHint()
    {
        using var store = new AzureBlobStorage(new AzureBlobStorageOptions
        {
            ConnectionString = $"AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};BlobEndpoint={azurite.BlobEndpoint}",
            Container = AzuriteFixture.NewContainer(),
            MaxRetries = 0,
        });

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => store.ReadAsync(["k"]));

        Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
        Assert.Contains("Check the account key or SAS", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_AnswerToConditionalUpdateLost_RetryRecognisesOwnWrite()
    {
        var options = azurite.Options();
        using var plain = new AzureBlobStorage(options);
        var etag = (await plain.WriteAsync(Items(("k", "{\"v\":1}", null))))["k"];
        var lostOnce = 0;
        using var store = new AzureBlobStorage(options, handler: new InterceptingHandler(async (request, _, forward) =>
        {
            var response = await forward();
            if (request.Method == HttpMethod.Put && Interlocked.Exchange(ref lostOnce, 1) == 0)
            {
                // The service applied the write, but its answer never arrives.
                response.Dispose();
                return InterceptingHandler.Status(HttpStatusCode.ServiceUnavailable);
            }

            return response;
        }));

        var written = (await store.WriteAsync(Items(("k", "{\"v\":2}", etag))))["k"];

        var stored = (await plain.ReadAsync(["k"]))["k"];
        Assert.Equal(("{\"v\":2}", written), (stored.Json, stored.ETag));
    }

    [Fact]
    public async Task WriteAsync_AnswerToCreateLost_RetryRecognisesOwnWrite()
    {
        var options = azurite.Options();
        var lostOnce = 0;
        using var store = new AzureBlobStorage(options, handler: new InterceptingHandler(async (request, _, forward) =>
        {
            var response = await forward();
            if (request.Method == HttpMethod.Put && request.RequestUri!.Query.Length == 0 && Interlocked.Exchange(ref lostOnce, 1) == 0)
            {
                response.Dispose();
                throw new HttpRequestException("connection reset (simulated)");
            }

            return response;
        }));

        var written = (await store.WriteAsync(Items(("new", "{\"created\":true}", null))))["new"];

        Assert.Equal(written, (await store.ReadAsync(["new"]))["new"].ETag);
    }

    [Fact]
    public async Task WriteAsync_RetryFindsSomeoneElsesChange_ThrowsConflictAndKeepsTheirs()
    {
        var options = azurite.Options();
        using var other = new AzureBlobStorage(options);
        var etag = (await other.WriteAsync(Items(("k", "{\"v\":1}", null))))["k"];
        var once = 0;
        using var store = new AzureBlobStorage(options, handler: new InterceptingHandler(async (request, _, forward) =>
        {
            if (request.Method == HttpMethod.Put && Interlocked.Exchange(ref once, 1) == 0)
            {
                // Our request fails; meanwhile another instance writes.
                await other.WriteAsync(Items(("k", "{\"v\":\"theirs\"}", etag)));
                return InterceptingHandler.Status(HttpStatusCode.InternalServerError);
            }

            return await forward();
        }));

        await Assert.ThrowsAsync<StorageConflictException>(() => store.WriteAsync(Items(("k", "{\"v\":\"mine\"}", etag))));

        Assert.Equal("{\"v\":\"theirs\"}", (await other.ReadAsync(["k"]))["k"].Json);
    }

    [Fact]
    public async Task ReadAsync_TransientFailures_AreRetriedUntilSuccess()
    {
        var options = azurite.Options();
        using (var plain = new AzureBlobStorage(options))
        {
            await plain.WriteAsync(Items(("k", "{\"v\":1}", null)));
        }

        var handler = new InterceptingHandler(async (request, call, forward) => call switch
        {
            1 => InterceptingHandler.Status(HttpStatusCode.ServiceUnavailable),
            2 => InterceptingHandler.Status(HttpStatusCode.RequestTimeout),
            3 => throw new HttpRequestException("connection refused (simulated)"),
            _ => await forward(),
        });
        using var store = new AzureBlobStorage(options, handler: handler);
        await store.InitializeAsync(); // container create: the 503, 408 and network error are spent here

        Assert.Equal("{\"v\":1}", (await store.ReadAsync(["k"]))["k"].Json);
        Assert.Equal(5, handler.Calls);
    }

    [Fact]
    public async Task ReadAsync_ServiceKeepsFailing_ThrowsAfterMaxRetriesWithStatus()
    {
        var options = azurite.Options();
        options.MaxRetries = 2;
        var handler = new InterceptingHandler((_, _, _) => Task.FromResult(InterceptingHandler.Status(HttpStatusCode.BadGateway)));
        using var store = new AzureBlobStorage(options, handler: handler);

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => store.ReadAsync(["k"]));

        Assert.Equal(HttpStatusCode.BadGateway, ex.Status);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task ReadAsync_EveryAttemptTimesOut_RetriesThenThrowsTimeout()
    {
        var options = azurite.Options();
        options.MaxRetries = 3;
        var handler = new InterceptingHandler(async (_, _, forward) => await forward());
        using var store = new AzureBlobStorage(options, new ImmediateTimeProvider(), handler);

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => store.ReadAsync(["k"]));

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Contains("failed after 4 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.Status);
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_StopsWithoutRetrying()
    {
        var handler = new InterceptingHandler(async (_, _, forward) => await forward());
        using var store = new AzureBlobStorage(azurite.Options(), handler: handler);
        await store.InitializeAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReadAsync(["k"], cancelled.Token));

        Assert.Equal(["PUT"], handler.Seen.Select(s => s.Split(' ')[0]));
    }

    [Fact]
    public async Task ReadAsync_ClientError_IsNotRetried()
    {
        var options = azurite.Options();
        var handler = new InterceptingHandler((_, _, _) => Task.FromResult(InterceptingHandler.Status(HttpStatusCode.BadRequest)));
        using var store = new AzureBlobStorage(options, handler: handler);

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => store.ReadAsync(["k"]));

        Assert.Equal(HttpStatusCode.BadRequest, ex.Status);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task InitializeAsync_ContainerAlreadyThere_IsFine()
    {
        var options = azurite.Options();
        using var first = new AzureBlobStorage(options);
        using var second = new AzureBlobStorage(options);

        await first.InitializeAsync();
        await second.InitializeAsync();
        await second.WriteAsync(Items(("k", "{}", null)));

        Assert.Single(await first.ReadAsync(["k"]));
    }

    [Fact]
    public async Task WriteAsync_KeyTooLongForABlobName_ThrowsBeforeSendingAnything()
    {
        var handler = new InterceptingHandler((_, _, forward) => forward());
        using var store = new AzureBlobStorage(azurite.Options(), handler: handler);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(Items((new string('ü', 200), "{}", null))));

        Assert.Equal(0, handler.Calls);
    }

    private static Dictionary<string, StoreItem> Items(params (string Key, string Json, string? ETag)[] items) =>
        items.ToDictionary(i => i.Key, i => new StoreItem(i.Json, i.ETag), StringComparer.Ordinal);

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> source)
    {
        var list = new List<string>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
