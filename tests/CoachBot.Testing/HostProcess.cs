using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Testing;

/// <summary>
/// The real CoachBot host (the built <c>CoachBot.Host.dll</c> next to the tests) as a child process on Kestrel at
/// 127.0.0.1 on a free port, in Production, with in-memory storage, a random Direct Line secret and a random
/// data-protection key-encryption key unless the given settings say otherwise. Setting keys may use <c>:</c> or <c>__</c>.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string baseUrl, string secret)
    {
        _process = process;
        BaseUrl = baseUrl;
        Secret = secret;
    }

    /// <summary>The root address, for example <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The Direct Line secret the host was started with.</summary>
    public string Secret { get; }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Everything the host wrote to stdout and stderr so far.</summary>
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

    /// <summary>Starts the host and waits up to 60 seconds until <c>/healthz</c> answers 200.</summary>
    public static Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(settings, "/healthz", TimeSpan.FromSeconds(60), cancellationToken);

    /// <summary>Starts the host and waits until <paramref name="readyPath"/> answers 200, at most <paramref name="readyTimeout"/>.</summary>
    public static async Task<HostProcess> StartAsync(
        IReadOnlyDictionary<string, string>? settings, string readyPath, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var host = Launch(settings);
        try
        {
            await host.WaitReadyAsync(readyPath, readyTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>The text in a setting's value that stands for <see cref="BaseUrl"/> (not known before the launch).</summary>
    public const string BaseUrlPlaceholder = "{BaseUrl}";

    /// <summary>Starts the host process and returns at once, without waiting for it to listen.</summary>
    public static HostProcess Launch(IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, "CoachBot.Host.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The host binary is missing from the test output: " + dll, dll);
        }

        var baseUrl = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        var secret = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 40);
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
        start.Environment["Storage__Provider"] = "Memory";
        start.Environment["DirectLine__Secret"] = secret;
        start.Environment["DataProtection__KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value.Replace(BaseUrlPlaceholder, baseUrl, StringComparison.Ordinal);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host process.");
        var host = new HostProcess(process, baseUrl, start.Environment["DirectLine__Secret"]!);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The exit code once the process has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>SIGTERM, as an orchestrator or Ctrl+C sends it: the host is asked to stop gracefully.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("Could not run kill.");
        kill.WaitForExit();
    }

    /// <summary>Waits until the process has ended and its output has been read.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

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
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync(string readyPath, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < readyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The host exited with code " + _process.ExitCode + ":\n" + Output);
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl + readyPath), cancellationToken).ConfigureAwait(false);
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
                // The probe itself timed out; try again.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"The host did not answer {readyPath} with 200 in {readyTimeout.TotalSeconds:0} seconds:\n{Output}");
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
