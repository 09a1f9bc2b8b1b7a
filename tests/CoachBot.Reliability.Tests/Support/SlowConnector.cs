using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Reliability.Tests.Support;

/// <summary>A connector stand-in on 127.0.0.1 that reads each request, counts it, and never answers in time.</summary>
public sealed class SlowConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private SlowConnector(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put on inbound activities.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Requests received.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<SlowConnector> StartAsync(TimeSpan delay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new SlowConnector(app);
        app.Run(async http =>
        {
            Interlocked.Increment(ref connector._requests);
            using var reader = new StreamReader(http.Request.Body);
            await reader.ReadToEndAsync(http.RequestAborted);
            try
            {
                await Task.Delay(delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            http.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
