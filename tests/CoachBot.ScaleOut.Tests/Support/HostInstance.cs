using System.Net;
using System.Net.Http.Json;
using CoachBot.Protocol.Schema;
using CoachBot.Testing;

namespace CoachBot.ScaleOut.Tests.Support;

/// <summary>
/// The real CoachBot host as a child process (<see cref="HostProcess"/>), anonymous (no app id), with the storage
/// settings a test gives, ready once <c>/readyz</c> answers; <see cref="Kill"/> sends SIGKILL.
/// </summary>
public sealed class HostInstance : IAsyncDisposable
{
    private readonly HostProcess _host;

    private HostInstance(HostProcess host)
    {
        _host = host;
        Http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>For example <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => _host.BaseUrl;

    /// <summary>A client for this host.</summary>
    public HttpClient Http { get; }

    /// <summary>What the host wrote so far.</summary>
    public string Output => _host.Output;

    /// <summary>Starts the host with these settings (environment variables, e.g. <c>Storage__Provider</c>) and waits for <c>/readyz</c>.</summary>
    public static async Task<HostInstance> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
            ["Bot__AllowAnonymous"] = "true", // tests post as a channel stand-in, without credentials
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new HostInstance(await HostProcess.StartAsync(all, "/readyz", TimeSpan.FromSeconds(90), cancellationToken));
    }

    /// <summary>Posts an activity to <c>/api/messages</c>; null when the request failed without an HTTP answer.</summary>
    public async Task<HttpStatusCode?> PostAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Http.PostAsJsonAsync("/api/messages", activity, ProtocolJson.Options, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // timed out
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finalisers.</summary>
    public void Kill() => _host.Kill();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Http.Dispose();
    }
}
