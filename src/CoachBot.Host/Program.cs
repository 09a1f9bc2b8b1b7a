using System.Globalization;
using CoachBot.Host;
using Microsoft.Extensions.Options;

// Whatever the machine's locale, the host formats text as the invariant culture does (as it did without ICU).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

// Until the host has started, an exception that nothing handles (a setting that is wrong, content that is missing,
// a store that cannot be opened) ends the process with exit code 1 and the reason on stderr, not with an abort and
// a core dump. In-process test hosts catch start-up exceptions themselves, so this never fires there.
AppDomain.CurrentDomain.UnhandledException += StartupFailure.Exit;

// The slim builder: no IIS integration and no HTTP/3 (QUIC) transport, which a bot behind a reverse proxy never
// uses and which cost every process their assemblies in memory. HTTPS endpoints from the Kestrel section still work.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddCoachBot();

var app = builder.Build();
app.MapCoachBot();
app.Lifetime.ApplicationStarted.Register(() => AppDomain.CurrentDomain.UnhandledException -= StartupFailure.Exit);

// Every setting is checked before anything starts, so a wrong one fails here, naming its key, rather than after
// some hosted services have started (the host checks them again at start; that costs nothing).
app.Services.GetService<IStartupValidator>()?.Validate();

// Taken before the run: the host disposes its services (this lifetime among them) when the run ends.
var stopping = app.Lifetime.ApplicationStopping;
try
{
    app.Run();
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // A stop signal (SIGTERM from an orchestrator, Ctrl+C) arrived while the host was still starting. The start was
    // cancelled and everything started so far was stopped: a normal stop, not a crash with a core dump.
}

/// <summary>Entry point; partial so that WebApplicationFactory can reach it from tests.</summary>
public partial class Program;
