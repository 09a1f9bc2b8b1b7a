using CoachBot.Bench.Bot;
using CoachBot.Protocol.Hosting;
using CoachBot.Storage.Hosting;

// The benchmark bot: CoachBot's runtime (the full turn pipeline of /api/messages) with the peer's 4-step
// check-in. State in memory by default; Storage:Provider=Sqlite (and Storage:Sqlite:Path) for the durable store.
// Listens on 127.0.0.1 only: Urls defaults to http://127.0.0.1:3978.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["Urls"] = "http://127.0.0.1:3978",
        ["Storage:Provider"] = "Memory",
        ["Bot:AllowAnonymous"] = "true", // the load driver posts as an unauthenticated channel
        ["Logging:LogLevel:Default"] = "Warning",
    },
});
builder.Services.AddCoachBotStorage(builder.Configuration);
builder.Services.AddBotRuntime<BenchCheckInBot>();
builder.Services.AddIdleMemoryTrimming();

var app = builder.Build();
foreach (var url in (builder.Configuration["Urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
{
    if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
    {
        throw new InvalidOperationException("The bench bot listens on loopback only (Urls must be http://127.0.0.1:<port>).");
    }
}

app.MapBotMessages();
app.MapGet("/healthz", () => Results.Ok());
app.Run();
