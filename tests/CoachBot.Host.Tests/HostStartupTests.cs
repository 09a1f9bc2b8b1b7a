using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace CoachBot.Host.Tests;

public sealed class HostStartupTests
{
    [Fact]
    public async Task Healthz_AndReadyz_AnswerOk()
    {
        await using var factory = HostFactory.WithMemoryStorage();
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("Storage:Provider", "Floppy", "Storage:Provider")]
    [InlineData("DirectLine:Secret", "", "DirectLine:Secret")]
    [InlineData("Content:Root", "no-such-folder", "Content:Root")]
    [InlineData("Memory:IdleTrimAfter", "soon", "Memory:IdleTrimAfter")]
    [InlineData("Memory:IdleTrimAfter", "-00:00:01", "Memory:IdleTrimAfter")]
    [InlineData("Bot:MaxTurnAttempts", "0", "Bot:MaxTurnAttempts")]
    [InlineData("Bot:Connector:MaxRetries", "11", "Bot:Connector:MaxRetries")]
    [InlineData("Scheduler:PollInterval", "00:00:00", "Scheduler:PollInterval")]
    [InlineData("Telemetry:MetricExportInterval", "00:00:00", "Telemetry:MetricExportInterval")]
    public void Start_WithBadSetting_FailsNamingTheKey(string key, string value, string expectedKeyInMessage)
    {
        using var factory = HostFactory.WithMemoryStorage((key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(expectedKeyInMessage, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_MalformedJson_Answers400WithAClearError()
    {
        await using var factory = HostFactory.WithMemoryStorage();
        using var client = factory.CreateClient();

        using var body = new StringContent("{\"type\": \"message\", ", Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PatientPage_IsServedAtTheRoot()
    {
        await using var factory = HostFactory.WithMemoryStorage();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebChatToken_IsIssuedWithoutTheSecret()
    {
        await using var factory = HostFactory.WithMemoryStorage();
        using var client = factory.CreateClient();

        var response = await client.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("test-secret-that-is-long-enough", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlitePath_RelativeInSettings_IsResolvedAgainstTheContentRoot_NotTheWorkingDirectory()
    {
        var root = Directory.CreateTempSubdirectory("coachbot-content-root-");
        var underWorkingDirectory = Path.GetFullPath(Path.Combine("data", "content-root-test.db"));
        try
        {
            await using (var factory = HostFactory.WithMemoryStorage(
                ("Storage:Provider", "Sqlite"),
                ("Storage:Sqlite:Path", "data/content-root-test.db"),
                ("DataProtection:KeyEncryptionKey", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray())),
                (Microsoft.AspNetCore.Hosting.WebHostDefaults.ContentRootKey, root.FullName)))
            {
                using var client = factory.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
            }

            Assert.True(File.Exists(Path.Combine(root.FullName, "data", "content-root-test.db")));
            Assert.False(File.Exists(underWorkingDirectory));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>The messages of an exception and all its inner ones, for start-up errors wrapped by the host.</summary>
    internal static string Flatten(Exception error)
    {
        var text = new StringBuilder();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message);
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    text.AppendLine(Flatten(inner));
                }
            }
        }

        return text.ToString();
    }
}
