using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoachBot.Channels.DirectLine;
using CoachBot.Channels.WebChat;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace CoachBot.Channels.Tests.Support;

/// <summary>A real Kestrel host on 127.0.0.1 (free port) with the Direct Line, the page and a <see cref="ReplyingBot"/>.</summary>
public sealed class DirectLineTestHost : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789-abcdefghij";

    private DirectLineTestHost(WebApplication app, ReplyingBot bot, FakeTimeProvider time, Mock<IConnectorClient> otherChannels)
    {
        OtherChannels = otherChannels;
        App = app;
        Bot = bot;
        Time = time;
        BaseUrl = app.Urls.Single().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
    }

    public WebApplication App { get; }

    public ReplyingBot Bot { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The connector client the Direct Line wraps: it gets the sends to every other serviceUrl.</summary>
    public Mock<IConnectorClient> OtherChannels { get; }

    /// <summary>The connector client the bot sends with.</summary>
    public IConnectorClient Connector => App.Services.GetRequiredService<IConnectorClient>();

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public static async Task<DirectLineTestHost> StartAsync(Action<DirectLineOptions>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?> { ["DirectLine:Secret"] = Secret });
        var time = new FakeTimeProvider();
        builder.Services.AddSingleton<TimeProvider>(time);
        var otherChannels = new Mock<IConnectorClient>(MockBehavior.Strict);
        builder.Services.AddSingleton(otherChannels.Object); // what the runtime registers: for every channel but this Direct Line
        builder.Services.AddDirectLine(builder.Configuration);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.AddSingleton(sp => new ReplyingBot(sp.GetRequiredService<IConnectorClient>()));
        builder.Services.AddSingleton<IActivityProcessor>(sp => sp.GetRequiredService<ReplyingBot>());
        var app = builder.Build();
        app.MapDirectLine();
        app.MapWebChatPage();
        await app.StartAsync();
        return new DirectLineTestHost(app, app.Services.GetRequiredService<ReplyingBot>(), time, otherChannels);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? bearer, object? body = null)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = body is string text
                ? new StringContent(text, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body, body.GetType(), options: ProtocolJson.Options);
        }

        return request;
    }

    public async Task<(HttpResponseMessage Response, JsonElement Json)> SendAsync(HttpMethod method, string path, string? bearer, object? body = null)
    {
        using var request = Request(method, path, bearer, body);
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, json);
    }

    /// <summary>Generates a token (optionally for a user) and starts its conversation.</summary>
    public async Task<(string ConversationId, string Token)> StartConversationAsync(string? userId = "dl_patient1")
    {
        var body = userId is null ? null : new { user = new { id = userId } };
        var (_, generated) = await SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", Secret, body);
        var token = generated.GetProperty("token").GetString()!;
        var (response, started) = await SendAsync(HttpMethod.Post, "v3/directline/conversations", token);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (started.GetProperty("conversationId").GetString()!, token);
    }

    public static Activity UserMessage(string text, string clientActivityId = "client-1") => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount { Name = "Pat", Role = "user" },
        ChannelId = "webchat",
        ChannelData = JsonSerializer.SerializeToElement(new { clientActivityID = clientActivityId }),
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
