using System.Net;
using CoachBot.Storage.Sqlite;
using CoachBot.Testing;

namespace CoachBot.Host.Tests.Security;

/// <summary>Issue 21 item 4: one flooding web chat stores at most its day's cap of transcript entries; another chat still logs.</summary>
public sealed class TranscriptCapTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coachbot-transcript-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AFloodingChat_StoresAtMostItsDailyCap_OfTranscriptEntries()
    {
        var database = Path.Combine(_folder, "coachbot.db");
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = database,
            ["Storage:MaxTranscriptEntriesPerConversationPerDay"] = "100",
            ["RateLimits:DirectLineActivity:PermitLimit"] = "1000",
        });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var flooding = await WebChatSession.StartAsync(http);
        var other = await WebChatSession.StartAsync(http);

        for (var i = 0; i < 80; i++)
        {
            using var sent = await flooding.SayAsync("hello " + i);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        (await other.SayAsync("hello")).Dispose();

        using var storage = new SqliteStorage(new SqliteStorageOptions { Path = database });
        var keys = new List<string>();
        await foreach (var key in storage.ListKeysAsync("transcripts/"))
        {
            keys.Add(key);
        }

        Assert.Equal(100, keys.Count(k => k.Contains(flooding.ConversationId, StringComparison.Ordinal)));
        Assert.Contains(keys, k => k.Contains(other.ConversationId, StringComparison.Ordinal));
    }
}
