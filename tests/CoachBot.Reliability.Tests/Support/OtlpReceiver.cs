using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Reliability.Tests.Support;

/// <summary>A stand-in OpenTelemetry collector on 127.0.0.1: accepts OTLP/HTTP protobuf posts and keeps them.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base address to configure as <c>Telemetry:OtlpEndpoint</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>Every export received: path, content type and body.</summary>
    public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Received { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.Run(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            receiver.Received.Enqueue((http.Request.Path.Value ?? string.Empty, http.Request.ContentType, body.ToArray()));
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        receiver.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
