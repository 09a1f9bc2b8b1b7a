using CoachBot.Host;

// The slim builder: no IIS integration and no HTTP/3 (QUIC) transport, which a bot behind a reverse proxy never
// uses and which cost every process their assemblies in memory. HTTPS endpoints from the Kestrel section still work.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddCoachBot();

var app = builder.Build();
app.MapCoachBot();
app.Run();

/// <summary>Entry point; partial so that WebApplicationFactory can reach it from tests.</summary>
public partial class Program;
