using CoachBot.Host;

// The slim builder: no IIS integration and no HTTP/3 (QUIC) transport, which a bot behind a reverse proxy never
// uses and which cost every process their assemblies in memory. HTTPS endpoints from the Kestrel section still work.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddCoachBot();

var app = builder.Build();
app.MapCoachBot();

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
