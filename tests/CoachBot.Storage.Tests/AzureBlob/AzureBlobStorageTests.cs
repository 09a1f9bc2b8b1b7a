using System.Net;
using Azure;
using Azure.Storage;
using Azure.Storage.Sas;
using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.AzureBlob;

/// <summary>What only the blob store does: SAS, retries, lost answers to conditional writes, errors.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureBlobStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WriteAsync_AccountUrlAndSas_CreatesContainerWritesListsAndDeletes()
    {
        var sas = new AccountSasBuilder(AccountSasPermissions.All, new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), AccountSasServices.Blobs, AccountSasResourceTypes.All)
            .ToSasQueryParameters(new StorageSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey))
            .ToString();
        var store = new AzureBlobStorage(new AzureBlobStorageOptions
        {
            AccountUrl = azurite.BlobEndpoint.ToString(),
            Sas = "?" + sas,
            Container = AzuriteFixture.NewContainer(),
        });

        var etag = (await store.WriteAsync(Items(("sas/key one", "{\"via\":\"sas\"}", null))))["sas/key one"];

        Assert.Equal(AzureBlobCredential.Sas, store.Credential);
        Assert.Equal(etag, (await store.ReadAsync(["sas/key one"]))["sas/key one"].ETag);
        Assert.Equal(["sas/key one"], await ToListAsync(store.ListKeysAsync("sas/")));
        await store.DeleteAsync(["sas/key one"]);
        Assert.Empty(await store.ReadAsync(["sas/key one"]));
    }

    [Fact]
    public async Task InitializeAsync_WrongAccountKey_FailsNamingTheEndpointContainerAndCredential()
    {
        var container = AzuriteFixture.NewContainer();
        var store = new AzureBlobStorage(new AzureBlobStorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={Convert.ToBase64String(new byte[64])};BlobEndpoint={azurite.BlobEndpoint}",
            Container = container,
            MaxRetries = 0,
        });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());

        Assert.Equal(403, Assert.IsType<RequestFailedException>(ex.InnerException).Status);
        Assert.Contains(azurite.BlobEndpoint.Authority, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"container '{container}', credential ConnectionString", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_AnswerToConditionalUpdateLost_RetryRecognisesOwnWrite()
    {
        var options = azurite.Options();
        var plain = new AzureBlobStorage(options);
        var etag = (await plain.WriteAsync(Items(("k", "{\"v\":1}", null))))["k"];
        var lostOnce = 0;
        var store = new AzureBlobStorage(options, new InterceptingHandler(async (request, _, forward) =>
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
        await store.InitializeAsync();

        var written = (await store.WriteAsync(Items(("k", "{\"v\":2}", etag))))["k"];

        var stored = (await plain.ReadAsync(["k"]))["k"];
        Assert.Equal(("{\"v\":2}", written), (stored.Json, stored.ETag));
    }

    [Fact]
    public async Task WriteAsync_AnswerToCreateLost_RetryRecognisesOwnWrite()
    {
        var options = azurite.Options();
        var lostOnce = 0;
        var store = new AzureBlobStorage(options, new InterceptingHandler(async (request, _, forward) =>
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

        Assert.Equal(1, lostOnce);
        Assert.Equal(written, (await store.ReadAsync(["new"]))["new"].ETag);
    }

    [Fact]
    public async Task WriteAsync_RetryFindsSomeoneElsesChange_ThrowsConflictAndKeepsTheirs()
    {
        var options = azurite.Options();
        var other = new AzureBlobStorage(options);
        var etag = (await other.WriteAsync(Items(("k", "{\"v\":1}", null))))["k"];
        var once = 0;
        var store = new AzureBlobStorage(options, new InterceptingHandler(async (request, _, forward) =>
        {
            if (request.Method == HttpMethod.Put && request.RequestUri!.Query.Length == 0 && Interlocked.Exchange(ref once, 1) == 0)
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
    public async Task WriteAsync_StaleETagWithoutRetry_IsAConflictEvenWhenTheContentIsTheSame()
    {
        // Only a retried request may take a matching blob for its own write.
        var store = new AzureBlobStorage(azurite.Options());
        var first = (await store.WriteAsync(Items(("k", "{\"v\":1}", null))))["k"];
        await store.WriteAsync(Items(("k", "{\"v\":1}", first)));

        await Assert.ThrowsAsync<StorageConflictException>(() => store.WriteAsync(Items(("k", "{\"v\":1}", first))));
    }

    [Fact]
    public async Task ReadAsync_TransientFailures_AreRetriedUntilSuccess()
    {
        var options = azurite.Options();
        await new AzureBlobStorage(options).WriteAsync(Items(("k", "{\"v\":1}", null)));

        var handler = new InterceptingHandler(async (request, call, forward) => call switch
        {
            1 => InterceptingHandler.Status(HttpStatusCode.ServiceUnavailable),
            2 => InterceptingHandler.Status(HttpStatusCode.RequestTimeout),
            3 => throw new HttpRequestException("connection refused (simulated)"),
            _ => await forward(),
        });
        var store = new AzureBlobStorage(options, handler);
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
        var store = new AzureBlobStorage(options, handler);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync(["k"]));

        Assert.Equal(502, Assert.IsType<RequestFailedException>(ex.InnerException).Status);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task ReadAsync_EveryAttemptTimesOut_RetriesThenFails()
    {
        var options = azurite.Options();
        options.MaxRetries = 2;
        options.RequestTimeout = TimeSpan.FromMilliseconds(200);
        using var handler = new SilentHandler();
        var store = new AzureBlobStorage(options, handler);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());

        Assert.Equal(3, handler.Calls);
        Assert.Contains("could not be opened", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_StopsWithoutRetrying()
    {
        var handler = new InterceptingHandler(async (_, _, forward) => await forward());
        var store = new AzureBlobStorage(azurite.Options(), handler);
        await store.InitializeAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReadAsync(["k"], cancelled.Token));

        Assert.Equal(["PUT"], handler.Seen.Select(s => s.Split(' ')[0]));
    }

    [Fact]
    public async Task ReadAsync_ClientError_IsNotRetried()
    {
        var handler = new InterceptingHandler((_, _, _) => Task.FromResult(InterceptingHandler.Status(HttpStatusCode.BadRequest)));
        var store = new AzureBlobStorage(azurite.Options(), handler);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync(["k"]));

        Assert.Equal(400, Assert.IsType<RequestFailedException>(ex.InnerException).Status);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task InitializeAsync_ContainerAlreadyThere_IsFine()
    {
        var options = azurite.Options();
        var first = new AzureBlobStorage(options);
        var second = new AzureBlobStorage(options);

        await first.InitializeAsync();
        await second.InitializeAsync();
        await second.WriteAsync(Items(("k", "{}", null)));

        Assert.Single(await first.ReadAsync(["k"]));
    }

    [Fact]
    public async Task WriteAsync_KeyTooLongForABlobName_ThrowsBeforeSendingAnything()
    {
        var handler = new InterceptingHandler((_, _, forward) => forward());
        var store = new AzureBlobStorage(azurite.Options(), handler);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(Items((new string('ü', 200), "{}", null))));

        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task WriteAsync_Always_SendsTheConditionTheETagRuleAsks()
    {
        var conditions = new List<string>();
        var store = new AzureBlobStorage(azurite.Options(), new InterceptingHandler((request, _, forward) =>
        {
            if (request.Method == HttpMethod.Put && request.RequestUri!.Query.Length == 0)
            {
                lock (conditions)
                {
                    conditions.Add(
                        (request.Headers.TryGetValues("If-None-Match", out var none) ? "If-None-Match: " + string.Join(",", none) : string.Empty) +
                        (request.Headers.TryGetValues("If-Match", out var match) ? "If-Match: " + string.Join(",", match) : string.Empty));
                }
            }

            return forward();
        }));

        var created = (await store.WriteAsync(Items(("k", "{\"v\":1}", null))))["k"];
        var updated = (await store.WriteAsync(Items(("k", "{\"v\":2}", created))))["k"];
        await store.WriteAsync(Items(("k", "{\"v\":3}", "*")));

        Assert.Equal(["If-None-Match: *", "If-Match: " + created, string.Empty], conditions);
        Assert.NotEqual(created, updated);
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

    /// <summary>A server that never answers: every attempt runs into the client's timeout.</summary>
    private sealed class SilentHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
