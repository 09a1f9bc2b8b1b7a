using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Testing;

/// <summary>
/// A real test web application on 127.0.0.1 (random port) hosting <c>POST /api/messages</c> through
/// <see cref="BotServiceCollectionExtensions.AddBotRuntime(IServiceCollection, Action{BotRuntimeOptions}?)"/>
/// and <see cref="BotEndpointRouteBuilderExtensions.MapBotMessages"/>, exactly as a host wires it.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>A client whose base address is the test host.</summary>
    public HttpClient Client { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the host; <paramref name="configureServices"/> registers the bot and any replacements.</summary>
    public static async Task<BotTestHost> StartAsync(Action<IServiceCollection> configureServices, IDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));

        // Test channels post without credentials, as a local channel stand-in does; a test may turn it off.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        configureServices(builder.Services);
        builder.Services.AddBotRuntime();
        var app = builder.Build();
        app.MapBotMessages();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        return new BotTestHost(app, client);
    }

    /// <summary>Posts an activity as JSON to /api/messages.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        PostJsonAsync(JsonSerializer.Serialize(activity, ProtocolJson.Options), cancellationToken: cancellationToken);

    /// <summary>Posts raw text to /api/messages.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string body, string? authorization = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return Client.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
