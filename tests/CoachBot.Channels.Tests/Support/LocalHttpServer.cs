using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CoachBot.Channels.Tests.Support;

/// <summary>A tiny Kestrel server on 127.0.0.1 (free port) whose routes a test defines.</summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHttpServer(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.Single().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public static async Task<LocalHttpServer> StartAsync(Action<IEndpointRouteBuilder> routes)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        routes(app);
        await app.StartAsync();
        return new LocalHttpServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
