using System.Text.Json.Nodes;
using CoachBot.Cli;
using CoachBot.Records;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Storage.Tests.Patients;

/// <summary><c>patient export</c> and <c>patient erase</c> run in-process through the CLI's entry point against SQLite and memory.</summary>
public sealed class PatientCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Export_SqlitePatient_WritesAllOfItAsJson()
    {
        var db = await SeededDatabaseAsync();

        var (code, stdout, stderr) = await RunAsync(SqliteConfig(db), "", "patient", "export", PatientSeed.PatientId);

        Assert.True(code == 0, stderr);
        var export = JsonNode.Parse(stdout)!;
        Assert.Equal(PatientSeed.PatientId, (string?)export["patientId"]);
        Assert.Equal(2, export["checkIns"]!.AsArray().Count);
        Assert.Single(export["escalations"]!.AsArray());
        Assert.Equal(2, export["transcripts"]!.AsArray().Count);
        Assert.Equal(2, export["state"]!.AsObject().Count);
        Assert.NotNull(export["conversationReference"]);
    }

    [Fact]
    public async Task Export_ConfigFile_OverridesTheStorageSettings()
    {
        var db = await SeededDatabaseAsync();
        var config = _folder.File("extra.json");
        await File.WriteAllTextAsync(config, new JsonObject { ["Storage"] = new JsonObject { ["Sqlite"] = new JsonObject { ["Path"] = db } } }.ToJsonString());

        var (code, stdout, stderr) = await RunAsync(SqliteConfig(_folder.File("missing.db")), "", "patient", "export", "--config", config, PatientSeed.PatientId);

        Assert.True(code == 0, stderr);
        Assert.Equal(PatientSeed.PatientId, (string?)JsonNode.Parse(stdout)!["patientId"]);
    }

    [Fact]
    public async Task Erase_WithYes_DeletesThePatientAndPrintsWhat()
    {
        var db = await SeededDatabaseAsync();

        var (code, stdout, stderr) = await RunAsync(SqliteConfig(db), "", "patient", "erase", "--yes", PatientSeed.PatientId);

        Assert.True(code == 0, stderr);
        Assert.Contains("check-ins: 2", stdout, StringComparison.Ordinal);
        Assert.Contains("transcript entries: 4", stdout, StringComparison.Ordinal);
        Assert.Contains("state documents: 2", stdout, StringComparison.Ordinal);
        using var storage = await OpenAsync(db);
        Assert.True((await new PatientData(storage).FindAsync(PatientSeed.PatientId)).IsEmpty);
        Assert.False((await new PatientData(storage).FindAsync(PatientSeed.OtherPatientId)).IsEmpty);
        var again = await RunAsync(SqliteConfig(db), "", "patient", "export", PatientSeed.PatientId);
        Assert.Equal(3, again.Code);
    }

    [Fact]
    public async Task Erase_ConfirmedOnStdin_Deletes()
    {
        var db = await SeededDatabaseAsync();

        var (code, _, stderr) = await RunAsync(SqliteConfig(db), "yes\n", "patient", "erase", PatientSeed.PatientId);

        Assert.True(code == 0, stderr);
        Assert.Contains("Type yes", stderr, StringComparison.Ordinal);
        using var storage = await OpenAsync(db);
        Assert.True((await new PatientData(storage).FindAsync(PatientSeed.PatientId)).IsEmpty);
    }

    [Theory]
    [InlineData("no\n")]
    [InlineData("")]
    public async Task Erase_NotConfirmed_ErasesNothing(string answer)
    {
        var db = await SeededDatabaseAsync();

        var (code, stdout, stderr) = await RunAsync(SqliteConfig(db), answer, "patient", "erase", PatientSeed.PatientId);

        Assert.Equal(4, code);
        Assert.Equal("", stdout);
        Assert.Contains("nothing was erased", stderr, StringComparison.Ordinal);
        using var storage = await OpenAsync(db);
        Assert.Equal(11, (await new PatientData(storage).FindAsync(PatientSeed.PatientId)).All.Count());
    }

    [Theory]
    [InlineData("export")]
    [InlineData("erase", "--yes")]
    public async Task UnknownPatient_Exits3(params string[] command)
    {
        var db = await SeededDatabaseAsync();

        var (code, stdout, stderr) = await RunAsync(SqliteConfig(db), "", ["patient", .. command, "msteams-nobody"]);

        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        Assert.Contains("msteams-nobody", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_MemoryStore_HasNoPatients()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" }).Build();

        var (code, _, stderr) = await RunAsync(config, "", "patient", "export", PatientSeed.PatientId);

        Assert.Equal(3, code);
        Assert.Contains("Memory", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient", "export")]
    [InlineData("patient", "export", "a", "b")]
    [InlineData("patient", "export", "--yes", "a")]
    [InlineData("patient", "erase", "--force", "a")]
    [InlineData("patient", "erase", "--config")]
    public async Task BadUsage_Exits2(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(SqliteConfig(_folder.File("none.db")), "", args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("usage: coachbot patient", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingConfigFile_Exits2()
    {
        var (code, _, stderr) = await RunAsync(SqliteConfig(_folder.File("none.db")), "", "patient", "export", "--config", _folder.File("nope.json"), "p");

        Assert.Equal(2, code);
        Assert.Contains("--config", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDatabase_Exits1_AndCreatesNoFile()
    {
        var db = _folder.File("none.db");

        var (code, _, stderr) = await RunAsync(SqliteConfig(db), "", "patient", "export", "p");

        Assert.Equal(1, code);
        Assert.Contains("Storage:Sqlite:Path", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task BadStorageSetting_Exits1_NamingTheKey()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Floppy" }).Build();

        var (code, _, stderr) = await RunAsync(config, "", "patient", "export", "p");

        Assert.Equal(1, code);
        Assert.Contains("Storage:Provider", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsThePatientCommands()
    {
        var (code, stdout, _) = await RunAsync(SqliteConfig(_folder.File("none.db")), "", "help");

        Assert.Equal(0, code);
        Assert.Contains("patient export", stdout, StringComparison.Ordinal);
        Assert.Contains("patient erase", stdout, StringComparison.Ordinal);
    }

    private static IConfiguration SqliteConfig(string path) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:Sqlite:Path"] = path })
        .Build();

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IConfiguration configuration, string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, input, output, error, configuration);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<string> SeededDatabaseAsync()
    {
        var path = _folder.File("coachbot.db");
        using (var storage = await OpenAsync(path))
        {
            await PatientSeed.WriteAsync(storage);
        }

        return path;
    }

    private static async Task<SqliteStorage> OpenAsync(string path)
    {
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = path });
        await storage.InitializeAsync();
        return storage;
    }
}
