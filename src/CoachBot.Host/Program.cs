var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>Entry point; partial so that WebApplicationFactory can reach it from tests.</summary>
public partial class Program;
