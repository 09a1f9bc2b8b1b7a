extern alias cli;

using CoachBot.Accounts;
using cli::CoachBot.Cli;
using cli::CoachBot.Cli.Infrastructure;
using CoachBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CoachBot.CoachReview.Tests;

public sealed class CoachAddCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coachbot-cli-").FullName;

    private string DbPath => Path.Combine(_folder, "coachbot.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task CoachAdd_ReadsThePasswordFromStdin_AndTheAccountCanLogIn()
    {
        var (code, stdout, stderr) = await RunAsync(["coach", "add", "Sam@Example.org", "--name", "Sam Lee"], "correct horse battery staple\n");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("Coach sam@example.org added.", stdout.Trim());
        Assert.Empty(stderr);
        using var storage = new SqliteStorage(new SqliteStorageOptions { Path = DbPath });
        var accounts = new CoachAccounts(storage, TimeProvider.System, new CoachReviewOptions());
        var login = await accounts.LoginAsync("sam@example.org", "correct horse battery staple");
        Assert.Equal(LoginOutcome.Success, login.Outcome);
        Assert.Equal("Sam Lee", login.Account!.DisplayName);
    }

    [Theory]
    [InlineData(new[] { "coach", "add" }, "correct horse battery staple", "e-mail address is missing")]
    [InlineData(new[] { "coach", "add", "a@example.org", "b@example.org" }, "correct horse battery staple", "one e-mail address expected")]
    [InlineData(new[] { "coach", "add", "a@example.org", "--name" }, "correct horse battery staple", "--name needs a value")]
    [InlineData(new[] { "coach", "add", "a@example.org", "--admin" }, "correct horse battery staple", "unknown option '--admin'")]
    [InlineData(new[] { "coach", "add", "not-an-email" }, "correct horse battery staple", "not an e-mail address")]
    [InlineData(new[] { "coach", "add", "a@example.org" }, "", "no password on stdin")]
    [InlineData(new[] { "coach", "add", "a@example.org" }, "short", "at least 12 characters")]
    public async Task CoachAdd_BadInput_Exits2_WithAClearMessage_AndCreatesNothing(string[] args, string stdin, string expected)
    {
        var (code, stdout, stderr) = await RunAsync(args, stdin);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        if (File.Exists(DbPath))
        {
            using var storage = new SqliteStorage(new SqliteStorageOptions { Path = DbPath });
            Assert.Null(await new CoachAccounts(storage, TimeProvider.System, new CoachReviewOptions()).GetAsync("a@example.org"));
        }
    }

    [Fact]
    public async Task CoachAdd_ExistingCoach_Exits2_AndKeepsTheOldPassword()
    {
        await RunAsync(["coach", "add", "sam@example.org"], "correct horse battery staple\n");

        var (code, _, stderr) = await RunAsync(["coach", "add", "sam@example.org"], "another long password\n");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        using var storage = new SqliteStorage(new SqliteStorageOptions { Path = DbPath });
        var accounts = new CoachAccounts(storage, TimeProvider.System, new CoachReviewOptions());
        Assert.Equal(LoginOutcome.Success, (await accounts.LoginAsync("sam@example.org", "correct horse battery staple")).Outcome);
    }

    [Fact]
    public async Task CoachAdd_BadStorageSettings_Exits1_NamingTheKey()
    {
        var (code, _, stderr) = await RunAsync(["coach", "add", "sam@example.org"], "correct horse battery staple\n", provider: "Bogus");

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains("Storage:Provider", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_ListsCoachAdd()
    {
        var (code, stdout, _) = await RunAsync(["help"], string.Empty);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("coach add", stdout, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args, string stdin, string provider = "Sqlite")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:Sqlite:Path"] = DbPath,
        }).Build();
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, input, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
