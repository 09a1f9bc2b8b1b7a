using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CoachBot.Accounts;
using CoachBot.CoachReview;
using CoachBot.Storage.Sqlite;
using CoachBot.Testing;

namespace CoachBot.Host.Tests.Security;

/// <summary>
/// Issue 21 item 7: two host processes on one SQLite file share the data-protection key ring, so a coach logged in on
/// one instance stays logged in on the other; the keys are stored encrypted; a shared store without a key stops
/// start-up. Each host has its own HOME, so the framework's default per-user key folder is not shared between them.
/// </summary>
public sealed partial class SharedKeyRingTests : IDisposable
{
    private const string Password = "a long coach password 42";
    private static readonly (string, string)[] FromTlsProxy = [("X-Forwarded-Proto", "https")];
    private readonly string _folder = Directory.CreateTempSubdirectory("coachbot-keyring-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ACoachLoggedInOnOneInstance_StaysLoggedInOnAnother()
    {
        var database = Path.Combine(_folder, "coachbot.db");
        await AddCoachAsync(database);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var first = await StartAsync(database, key, "a");
        await using var second = await StartAsync(database, key, "b");
        using var toFirst = NewClient(first);
        using var toSecond = NewClient(second);

        var cookie = await LogInAsync(toFirst);
        using var onFirst = await GetQueueAsync(toFirst, cookie);
        using var onSecond = await GetQueueAsync(toSecond, cookie);

        Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.True(onSecond.Headers.CacheControl?.NoStore, "coach JSON must be no-store");

        using var storage = new SqliteStorage(new SqliteStorageOptions { Path = database });
        var keys = new List<string>();
        await foreach (var k in storage.ListKeysAsync("dataprotection/keys/"))
        {
            keys.Add(k);
        }

        var stored = Assert.Single(keys);
        var xml = (await storage.ReadAsync([stored]))[stored].Json;
        Assert.Contains("coachbotEncryptedKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstanceWithAnotherKey_CannotReadTheSession()
    {
        var database = Path.Combine(_folder, "coachbot.db");
        await AddCoachAsync(database);
        await using var first = await StartAsync(database, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "a");
        await using var second = await StartAsync(database, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "b");
        using var toFirst = NewClient(first);
        using var toSecond = NewClient(second);

        var cookie = await LogInAsync(toFirst);
        using var onSecond = await GetQueueAsync(toSecond, cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, onSecond.StatusCode);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("AzureBlob")]
    public async Task ASharedStoreWithoutAKey_StopsStartUp_NamingTheKey(string provider)
    {
        await using var host = HostProcess.Launch(new Dictionary<string, string>
        {
            ["Storage:Provider"] = provider,
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "coachbot.db"),
            ["Storage:AzureBlob:ConnectionString"] = "UseDevelopmentStorage=true",
            ["DataProtection:KeyEncryptionKey"] = string.Empty,
        });
        await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, host.ExitCode);
        Assert.Contains("DataProtection:KeyEncryptionKey is required", host.Output, StringComparison.Ordinal);
    }

    private Task<HostProcess> StartAsync(string database, string key, string name)
    {
        var home = Directory.CreateDirectory(Path.Combine(_folder, "home-" + name)).FullName;
        return HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = database,
            ["DataProtection:KeyEncryptionKey"] = key,
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Scheduler:Enabled"] = "false",
            ["HOME"] = home,
        });
    }

    private static HttpClient NewClient(HostProcess host) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };

    private static async Task AddCoachAsync(string database)
    {
        using var storage = new SqliteStorage(new SqliteStorageOptions { Path = database });
        await new CoachAccounts(storage, TimeProvider.System, new CoachReviewOptions()).AddAsync("sam@example.org", Password, "Sam");
    }

    /// <summary>Logs in as a browser behind the TLS proxy would; returns the coach cookie ("name=value").</summary>
    private static async Task<string> LogInAsync(HttpClient http)
    {
        using var page = await http.SendAsync(WebChatSession.Request(HttpMethod.Get, "/coach/login", null, FromTlsProxy));
        var html = await page.Content.ReadAsStringAsync();
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var post = WebChatSession.Request(HttpMethod.Post, "/coach/login", null, [.. FromTlsProxy, ("Cookie", antiforgeryCookie)]);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "sam@example.org",
            ["password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value),
            ["loginForm"] = WebUtility.HtmlDecode(TicketField().Match(html).Groups[1].Value),
        });
        using var login = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CoachBot.Coach=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static Task<HttpResponseMessage> GetQueueAsync(HttpClient http, string cookie) =>
        http.SendAsync(WebChatSession.Request(HttpMethod.Get, "/coach/api/queue", null, [.. FromTlsProxy, ("Cookie", cookie)]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"loginForm\" value=\"([^\"]+)\"")]
    private static partial Regex TicketField();
}
