using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoachBot.EndToEnd.Tests.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, installed by
/// scripts/deps/playground.sh into tools/playground) as a child process: Teams-shaped activities to the bot's
/// <c>/api/messages</c> without a token, its mock Bot Connector at <c>/_connector</c> for the replies. It listens on
/// 127.0.0.1 only (tools/playground/loopback.cjs), with its telemetry off and no browser opened.
/// </summary>
public sealed class PlaygroundProcess : IAsyncDisposable
{
    private const string Package = "@microsoft/m365agentsplayground";

    private readonly Process _process;
    private readonly string _workDir;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PlaygroundProcess(Process process, string workDir)
    {
        _process = process;
        _workDir = workDir;
    }

    /// <summary>The Playground's web page and mock connector root, <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>What the Playground printed so far, and its log file.</summary>
    public string Output
    {
        get
        {
            var log = Path.Combine(_workDir, "playground.log");
            lock (_output)
            {
                return _output + (File.Exists(log) ? File.ReadAllText(log) : "");
            }
        }
    }

    /// <summary>
    /// Starts the Playground in Teams mode (channelId <c>msteams</c>) for the bot at <paramref name="botBaseUrl"/>. The
    /// Playground's activities carry its own process's time zone (clientInfo <c>timezone</c>): <paramref name="timeZone"/>.
    /// </summary>
    public static async Task<PlaygroundProcess> StartAsync(string botBaseUrl, string timeZone, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(RepoRoot(), "tools", "playground");
        var cli = Path.Combine(dir, "node_modules", Package, "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"{Package} is not installed in {dir}. Run scripts/deps/playground.sh (scripts/test.sh runs it first).");
        }

        // A folder of its own: the Playground reads an optional .m365agentsplayground.yml from, and logs under, its working directory.
        var workDir = Directory.CreateTempSubdirectory("coachbot-playground-").FullName;
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--require", Path.Combine(dir, "loopback.cjs"), cli, "start",
            "--app-endpoint", botBaseUrl + "/api/messages",
            "--channel-id", "msteams",
            "--port", port,
            "--service-url", "http://127.0.0.1:" + port + "/_connector",
            "--disable-telemetry",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TZ"] = timeZone;
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none"; // do not open a browser
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true"; // the telemetry SDK's own heartbeat, off too
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDir, "playground.log");

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var playground = new PlaygroundProcess(process, workDir);
        process.OutputDataReceived += (_, e) => playground.Append(e.Data);
        process.ErrorDataReceived += (_, e) => playground.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var listening = await playground._listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            playground.BaseUrl = "http://127.0.0.1:" + listening.ToString(CultureInfo.InvariantCulture);
            if (playground.BaseUrl != "http://127.0.0.1:" + port)
            {
                throw new InvalidOperationException($"The Playground took port {listening} instead of {port}, so its mock connector URL would be wrong.");
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            var output = playground.Output;
            await playground.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The Playground did not start: " + ex.Message + "\n" + output, ex);
        }

        return playground;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open; the temp folder is cleaned later.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            if (_process.HasExited)
            {
                _listening.TrySetException(new InvalidOperationException("The Playground exited."));
            }

            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string Listening = "Listening on ";
        if (line.StartsWith(Listening, StringComparison.Ordinal) && int.TryParse(line.AsSpan(Listening.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            _listening.TrySetResult(port);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find the repository root (CoachBot.sln) from the test assembly.");
    }
}
