using CoachBot.Storage;
using CoachBot.Accounts;
using CoachBot.Testing;

namespace CoachBot.CoachReview.Tests;

public sealed class AccountsTests
{
    private const string Password = "correct horse battery staple";
    private readonly MemoryStorage _storage = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly CoachAccounts _accounts;

    public AccountsTests() => _accounts = new CoachAccounts(_storage, _time, new CoachReviewOptions());

    [Fact]
    public async Task Add_StoresOnlyAHash_AndNormalisesTheEmail()
    {
        await _accounts.AddAsync("  Sam@Example.ORG ", Password, "Sam");

        var items = await _storage.ReadAsync(["coaches/sam%40example.org"]);
        var json = Assert.Single(items).Value.Json;
        Assert.DoesNotContain(Password, json, StringComparison.Ordinal);
        Assert.Contains("\"passwordHash\"", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(LoginOutcome.Success, (await _accounts.LoginAsync("SAM@example.org", Password)).Outcome);
    }

    [Theory]
    [InlineData("not-an-email", Password, "not an e-mail address")]
    [InlineData("sam@example.org", "short", "too short")]
    [InlineData("sam@example.org", " correct horse battery ", "spaces")]
    public async Task Add_RefusesBadInput_WithAClearMessage(string email, string password, string expected)
    {
        var error = await Assert.ThrowsAsync<CoachAccountException>(() => _accounts.AddAsync(email, password));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Add_Twice_RefusesAndKeepsTheFirstPassword()
    {
        await _accounts.AddAsync("sam@example.org", Password);

        var error = await Assert.ThrowsAsync<CoachAccountException>(() => _accounts.AddAsync("sam@example.org", "another long password"));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(LoginOutcome.Success, (await _accounts.LoginAsync("sam@example.org", Password)).Outcome);
    }

    [Fact]
    public async Task Login_UnknownEmailAndWrongPassword_AreBothInvalid()
    {
        await _accounts.AddAsync("sam@example.org", Password);

        Assert.Equal(LoginOutcome.Invalid, (await _accounts.LoginAsync("nobody@example.org", Password)).Outcome);
        Assert.Equal(LoginOutcome.Invalid, (await _accounts.LoginAsync("sam@example.org", "wrong password!!")).Outcome);
        Assert.Equal(LoginOutcome.Invalid, (await _accounts.LoginAsync("sam@example.org", null)).Outcome);
    }

    [Fact]
    public async Task Login_FiveFailures_LockForFifteenMinutes_EvenTheRightPassword()
    {
        await _accounts.AddAsync("sam@example.org", Password);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(LoginOutcome.Invalid, (await _accounts.LoginAsync("sam@example.org", "wrong password " + i)).Outcome);
        }

        var fifth = await _accounts.LoginAsync("sam@example.org", "wrong password 5");
        Assert.Equal(LoginOutcome.LockedOut, fifth.Outcome);
        Assert.Equal(_time.GetUtcNow().AddMinutes(15), fifth.LockedUntil);

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(LoginOutcome.LockedOut, (await _accounts.LoginAsync("sam@example.org", Password)).Outcome);

        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await _accounts.LoginAsync("sam@example.org", Password);
        Assert.Equal(LoginOutcome.Success, after.Outcome);
        Assert.Equal(0, after.Account!.FailedLogins);
    }

    [Fact]
    public async Task Login_SuccessResetsTheFailureCount()
    {
        await _accounts.AddAsync("sam@example.org", Password);
        for (var i = 0; i < 4; i++)
        {
            await _accounts.LoginAsync("sam@example.org", "wrong password x");
        }

        Assert.Equal(LoginOutcome.Success, (await _accounts.LoginAsync("sam@example.org", Password)).Outcome);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(LoginOutcome.Invalid, (await _accounts.LoginAsync("sam@example.org", "wrong password y")).Outcome);
        }
    }

    private async Task<List<string>> ListAsync()
    {
        var keys = new List<string>();
        await foreach (var key in _storage.ListKeysAsync("coaches/"))
        {
            keys.Add(key);
        }

        return keys;
    }
}
