using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoachBot.Protocol.Schema;
using CoachBot.ScaleOut.Tests.Support;
using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Tests.Support;
using CoachBot.Testing;
using Xunit.Abstractions;

namespace CoachBot.ScaleOut.Tests;

/// <summary>
/// Two real host instances sharing one Azurite container (<c>Storage:Provider=AzureBlob</c>): the messages of one
/// conversation alternate between them, and concurrent turns of the same conversations hit both at once.
/// </summary>
public sealed partial class ScaleOutTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly string _container = AzuriteFixture.NewContainer();
    private RecordingConnector _connector = null!;
    private HostInstance _a = null!;
    private HostInstance _b = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync("/scale/");
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "AzureBlob",
            ["Storage__AzureBlob__ConnectionString"] = azurite.ConnectionString,
            ["Storage__AzureBlob__Container"] = _container,
            ["Storage__AzureBlob__RetryDelay"] = "00:00:00.05",
            ["Logging__LogLevel__CoachBot.Protocol.Middleware.TurnStateMiddleware"] = "Information",
        };
        var starting = new[] { HostInstance.StartAsync(settings), HostInstance.StartAsync(settings) };
        try
        {
            var hosts = await Task.WhenAll(starting);
            (_a, _b) = (hosts[0], hosts[1]);
        }
        catch
        {
            foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await task.Result.DisposeAsync();
            }

            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task OneConversation_AlternatingBetweenInstances_EveryTurnStoredAndAnswered()
    {
        const string conversation = "a:alternate";
        var ids = new List<string>();
        for (var n = 0; n < 8; n++)
        {
            var id = "alt-" + n.ToString(CultureInfo.InvariantCulture);
            var host = n % 2 == 0 ? _a : _b;
            Assert.Equal(HttpStatusCode.OK, await host.PostAsync(Turns.Message(_connector.ServiceUrl, conversation, "29:alt", id, n == 0 ? "hi" : "help")));
            ids.Add(id);
        }

        var storage = Store();
        var stored = await Turns.ProcessedIdsAsync(storage, conversation);
        Assert.Equal(ids, ids.Where(stored.Contains));
        var replies = Replies();
        Assert.All(ids, id => Assert.True(replies.TryGetValue(id, out var texts) && texts.Count > 0, $"no answer to {id}"));
        Assert.DoesNotContain(replies.Values.SelectMany(t => t), Apologies().Contains);
    }

    [Fact]
    public async Task ConcurrentTurns_OnBothInstances_NoAnswerLostAndNoTurnOverwritten()
    {
        // Three conversations, eight messages each, all sent at once, alternating between the instances.
        var turns = (from c in Enumerable.Range(0, 3)
                     from n in Enumerable.Range(0, 8)
                     select (Conversation: "a:busy-" + c.ToString(CultureInfo.InvariantCulture), Id: $"c{c}-m{n}", Host: n % 2 == 0 ? _a : _b)).ToList();
        var statuses = await Task.WhenAll(turns.Select(t => Task.Run(() => t.Host.PostAsync(Turns.Message(_connector.ServiceUrl, t.Conversation, "29:" + t.Conversation, t.Id, "help")))));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var replies = Replies();
        var apologies = Apologies();
        var storage = Store();
        int stored = 0, reported = 0;
        foreach (var group in turns.GroupBy(t => t.Conversation))
        {
            var processed = await Turns.ProcessedIdsAsync(storage, group.Key);
            foreach (var (_, id, _) in group)
            {
                Assert.True(replies.TryGetValue(id, out var texts) && texts.Count > 0, $"the turn {id} got HTTP 200 but no answer reached the connector");
                if (processed.Contains(id))
                {
                    // Stored: its answer is a real one, sent after the state was saved.
                    Assert.DoesNotContain(texts, apologies.Contains);
                    stored++;
                }
                else
                {
                    // Not stored: the conflict outlived the retries and the patient was told (never a silent overwrite).
                    Assert.All(texts, t => Assert.Contains(t, apologies));
                    reported++;
                }
            }
        }

        var conflicts = ConflictLine().Count(_a.Output) + ConflictLine().Count(_b.Output);
        output.WriteLine($"{turns.Count} concurrent turns on two instances: {stored} stored, {reported} reported as failed, {conflicts} conflicts retried; {_connector.Messages.Count} replies at the connector");
        Assert.Equal(turns.Count, stored + reported);
        Assert.True(stored >= turns.Count / 2, $"only {stored} of {turns.Count} turns were stored");
    }

    private AzureBlobStorage Store() => new(new AzureBlobStorageOptions { ConnectionString = azurite.ConnectionString, Container = _container });

    /// <summary>Reply texts by the id of the activity they answer.</summary>
    private Dictionary<string, List<string>> Replies() => _connector.Received
        .Where(r => r.Activity is { Type: ActivityTypes.Message } && r.ReplyToId is not null)
        .GroupBy(r => r.ReplyToId!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(r => r.Activity!.Text ?? "").ToList(), StringComparer.Ordinal);

    /// <summary>The apology texts the host sends when a turn fails (content key <c>errors.internal</c>).</summary>
    private static HashSet<string> Apologies()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", "messages", "en.json")));
        var entry = catalog.RootElement.GetProperty("errors.internal");
        return entry.ValueKind == JsonValueKind.Array
            ? [.. entry.EnumerateArray().Select(e => e.GetString()!)]
            : [entry.GetString()!];
    }

    [GeneratedRegex("State conflict on")]
    private static partial Regex ConflictLine();
}
