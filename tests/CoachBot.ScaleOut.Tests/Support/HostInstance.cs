using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CoachBot.Protocol.Schema;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Activity = CoachBot.Protocol.Schema.Activity;

namespace CoachBot.ScaleOut.Tests.Support;

/// <summary>
/// The real CoachBot host (the built <c>CoachBot.Host.dll</c> next to the tests) as a child process on 127.0.0.1,
/// anonymous (no app id), with the storage settings a test gives. <see cref="Kill"/> sends SIGKILL.
/// </summary>
public sealed class HostInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostInstance(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>For example <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>A client for this host.</summary>
    public HttpClient Http { get; }

    /// <summary>What the host wrote so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host with these settings (environment variables, e.g. <c>Storage__Provider</c>) and waits for <c>/readyz</c>.</summary>
    public static async Task<HostInstance> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, "CoachBot.Host.dll");
        Assert.True(File.Exists(dll), "The host binary is missing from the test output: " + dll);
        var baseUrl = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["Urls"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DirectLine__Secret"] = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 40);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host process.");
        var host = new HostInstance(process, baseUrl);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitReadyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
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
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        _process.WaitForExit(30_000);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The host exited with code " + _process.ExitCode + ":\n" + Output);
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl + "/readyz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("The host did not become ready in 90 seconds:\n" + Output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
