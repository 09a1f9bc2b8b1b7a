using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CoachBot.Storage.AzureBlob;

namespace CoachBot.Storage.Tests.Support;

/// <summary>
/// Starts Azurite's blob service on a free loopback port for the tests of one collection and stops it
/// afterwards. Fails (never skips) when Azurite is not installed.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _location;

    /// <summary>The emulator's account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's documented, public well-known key: not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public Uri BlobEndpoint { get; private set; } = null!;

    /// <summary>A full connection string for the emulator account at <see cref="BlobEndpoint"/>.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint}";

    public async Task InitializeAsync()
    {
        var bin = Path.Combine(RepoRoot.Find(), "tools", "azurite", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed (no {bin}). Run scripts/deps/azurite.sh (scripts/test.sh runs it first) and try again.");
        }

        var port = FreePort();
        _location = Directory.CreateTempSubdirectory("coachbot-azurite-").FullName;
        var start = new ProcessStartInfo(bin)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", _location, "--disableTelemetry", "--skipApiVersionCheck", "--silent",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {bin}.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        BlobEndpoint = new Uri($"http://127.0.0.1:{port}/{AccountName}");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening: {Output()}");
            }

            if (await CanConnectAsync(port))
            {
                return;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{port} within 60 s: {Output()}");
            }

            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
            _process.Dispose();
        }

        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A container name no other test uses.</summary>
    public static string NewContainer() => "t" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>Options for a store on this Azurite, in its own new container.</summary>
    public AzureBlobStorageOptions Options(int listPageSize = 5000) => new()
    {
        ConnectionString = ConnectionString,
        Container = NewContainer(),
        ListPageSize = listPageSize,
        RetryDelay = TimeSpan.FromMilliseconds(10),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
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

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
