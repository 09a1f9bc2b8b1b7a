using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using CoachBot.ScaleOut.Tests.Support;
using CoachBot.Storage.Sqlite;
using CoachBot.Testing;
using Xunit.Abstractions;

namespace CoachBot.ScaleOut.Tests;

/// <summary>The real host on SQLite, killed with SIGKILL in the middle of load and restarted on the same file.</summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 6;
    private const int AcksBeforeKill = 40;
    private readonly string _folder = Directory.CreateTempSubdirectory("coachbot-crash-").FullName;
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync("/crash/");

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Sigkill_MidLoad_EveryTurnThatGot200IsStoredAfterRestart()
    {
        var db = Path.Combine(_folder, "data", "coachbot.db");
        var settings = new Dictionary<string, string> { ["Storage__Provider"] = "Sqlite", ["Storage__Sqlite__Path"] = db };
        var acknowledged = new ConcurrentBag<(string Conversation, string ActivityId)>();
        var enoughAcks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = 0;

        await using (var host = await HostInstance.StartAsync(settings))
        {
            // Six workers: four with a conversation each, two sharing one (concurrent turns in one conversation).
            var load = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
            {
                var conversation = w < 4 ? "a:crash-" + w : "a:crash-shared";
                for (var n = 0; Volatile.Read(ref killed) == 0; n++)
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"w{w}-m{n}");
                    var status = await host.PostAsync(Turns.Message(_connector.ServiceUrl, conversation, "29:user-" + conversation, id, "hi"));
                    if (status == HttpStatusCode.OK)
                    {
                        acknowledged.Add((conversation, id));
                        if (acknowledged.Count >= AcksBeforeKill)
                        {
                            enoughAcks.TrySetResult();
                        }
                    }
                    else if (status is null)
                    {
                        return; // the host is gone
                    }
                }
            })).ToList();

            await enoughAcks.Task.WaitAsync(TimeSpan.FromMinutes(3));
            host.Kill(); // SIGKILL while the workers are still posting
            Volatile.Write(ref killed, 1);
            await Task.WhenAll(load);
        }

        Assert.True(acknowledged.Count >= AcksBeforeKill);
        await using (var restarted = await HostInstance.StartAsync(settings))
        {
            using var storage = new SqliteStorage(new SqliteStorageOptions { Path = db });
            var missing = new List<string>();
            foreach (var group in acknowledged.GroupBy(a => a.Conversation))
            {
                var stored = await Turns.ProcessedIdsAsync(storage, group.Key);
                missing.AddRange(group.Select(a => a.ActivityId).Where(id => !stored.Contains(id)));
            }

            output.WriteLine($"{acknowledged.Count} turns acknowledged before SIGKILL, {_connector.Messages.Count} replies at the connector; all in the store after restart: {missing.Count == 0}");
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged turns are not in the store: {string.Join(", ", missing)}");

            // The restarted host carries on with the same conversations.
            var before = _connector.Messages.Count;
            Assert.Equal(HttpStatusCode.OK, await restarted.PostAsync(Turns.Message(_connector.ServiceUrl, "a:crash-0", "29:user-a:crash-0", "after-restart", "hi")));
            Assert.Contains("after-restart", await Turns.ProcessedIdsAsync(storage, "a:crash-0"));
            Assert.True(_connector.Messages.Count > before, "the restarted host answered");
        }
    }
}
