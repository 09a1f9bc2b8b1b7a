using System.Net;
using CoachBot.Reliability.Tests.Support;
using CoachBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Reliability.Tests.Operations;

/// <summary>/healthz says the process is alive; /readyz says it can serve (the store answers).</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Readyz_FailsWhileTheStoreIsDown_AndRecovers_WhileHealthzStaysUp()
    {
        var storage = new FaultyStorage(new MemoryStorage());
        await using var host = InProcessHost.Create(services => services.AddSingleton<IStorage>(storage));
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        storage.Down = true;
        var down = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var alive = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

        storage.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Healthz_DoesNotTouchTheStore()
    {
        var storage = new FaultyStorage(new MemoryStorage());
        await using var host = InProcessHost.Create(services => services.AddSingleton<IStorage>(storage));
        using var client = host.CreateClient();
        storage.Down = true;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }
}
