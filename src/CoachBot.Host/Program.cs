using CoachBot.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddCoachBot();

var app = builder.Build();
app.MapCoachBot();
app.Run();

/// <summary>Entry point; partial so that WebApplicationFactory can reach it from tests.</summary>
public partial class Program;
