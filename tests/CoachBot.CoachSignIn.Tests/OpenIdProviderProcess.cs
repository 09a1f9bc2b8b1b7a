using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CoachBot.CoachSignIn.Tests;

/// <summary>
/// tools/oidc/provider.mjs (oidc-provider, a certified OpenID Connect provider) as a child process on 127.0.0.1, with
/// the issuer <c>http://localhost:PORT</c>: another site than the host at 127.0.0.1, as Entra is in production.
/// Two accounts: <see cref="Coach"/> has the coach app role, <see cref="Visitor"/> does not.
/// </summary>
public sealed class OpenIdProviderProcess : IAsyncDisposable
{
    public const string ClientId = "coachbot";
    public const string ClientSecret = "coachbot-test-client-secret";
    public const string CoachRole = "CoachBot.Coach";

    public static readonly (string UserName, string Password, string Name, string Oid) Coach =
        ("jo", "jo-coach-password-1", "Jo Coach", "6f1c1b9e-3c55-4c0e-9d1e-0a1b2c3d4e5f");

    public static readonly (string UserName, string Password, string Name, string Oid) Visitor =
        ("sam", "sam-visitor-password-1", "Sam Visitor", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OpenIdProviderProcess(Process process, string issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    /// <summary>The issuer, <c>http://localhost:PORT</c>.</summary>
    public string Issuer { get; }

    /// <summary>Everything the provider printed so far (one JSON line per event).</summary>
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

    /// <summary>A free loopback port for the provider, chosen before the host starts (the host needs the issuer).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the provider for a CoachBot host at <paramref name="appBaseUrl"/> and waits until it listens.</summary>
    public static async Task<OpenIdProviderProcess> StartAsync(int port, string appBaseUrl, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(RepoRoot(), "tools", "oidc");
        if (!File.Exists(Path.Combine(dir, "node_modules", "oidc-provider", "package.json")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed in {dir}. Run scripts/deps/oidc.sh (scripts/test.sh runs it first).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "provider.mjs", "--port", port.ToString(CultureInfo.InvariantCulture), "--app", appBaseUrl, "--client-id", ClientId, "--client-secret", ClientSecret })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var provider = new OpenIdProviderProcess(process, "http://localhost:" + port.ToString(CultureInfo.InvariantCulture));
        process.OutputDataReceived += (_, e) => provider.Append(e.Data);
        process.ErrorDataReceived += (_, e) => provider.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await provider._ready.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The OpenID provider did not start:\n" + provider.Output);
        }

        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            if (_process.HasExited)
            {
                _ready.TrySetException(new InvalidOperationException("The provider exited."));
            }

            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith("ready ", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private static string RepoRoot()
    {
        var built = typeof(OpenIdProviderProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        foreach (var start in new[] { built, AppContext.BaseDirectory, Directory.GetCurrentDirectory() }.OfType<string>())
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
