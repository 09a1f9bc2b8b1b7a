using System.Net;
using CoachBot.Dialogs.Actions;
using CoachBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests;

/// <summary>The progress chart Teams fetches: served as a PNG while its token matches, not found otherwise.</summary>
public sealed class ChartEndpointTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public async Task APublishedChart_IsServedAsAPng_AndAWrongTokenOrOwnerIsNotFound()
    {
        await using var factory = HostFactory.WithMemoryStorage();
        using var client = factory.CreateClient();
        var storage = factory.Services.GetRequiredService<IStorage>();
        var unit = new Unit();
        var url = new Uri(ChartLinks.Publish(unit, "msteams:29:patient", Png, "https://coach.example.org", factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
        await storage.WriteAsync(unit.Staged);

        using var found = await client.GetAsync(new Uri(url.AbsolutePath, UriKind.Relative));
        using var wrongToken = await client.GetAsync(new Uri(url.AbsolutePath[..^36] + new string('a', 32) + ".png", UriKind.Relative));
        using var wrongOwner = await client.GetAsync(new Uri(ChartLinks.PathPrefix + ChartLinks.Owner("someone else") + url.AbsolutePath[^37..], UriKind.Relative));
        using var notHex = await client.GetAsync(new Uri(ChartLinks.PathPrefix + "..%2F..%2Fappsettings/x.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("image/png", found.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await found.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", found.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notHex.StatusCode);
    }

    private sealed class Unit : IUnitOfWork
    {
        public Dictionary<string, StoreItem> Staged { get; } = new(StringComparer.Ordinal);

        public IDictionary<string, object> Items { get; } = new Dictionary<string, object>();

        public void Stage(string key, StoreItem item) => Staged[key] = item;

        public void OnCommitted(Action callback) => callback();

        public string? CommittedETag(string key) => null;
    }
}
