using CoachBot.Reliability.Tests.Support;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Reliability.Tests.Faults;

/// <summary>
/// Two host instances share one store (as two replicas behind a load balancer would) and take turns of the SAME
/// conversation at the same time. Each instance orders its own turns, so only the store's ETags keep them apart:
/// the losing turn must be re-run from fresh state. Every message gets its replies, none twice, none an apology.
/// </summary>
public sealed class StorageConflictTests
{
    private const int Rounds = 8;

    [Fact]
    public async Task ConcurrentTurnsOfOneConversation_OnTwoInstances_AreRerun_NoReplyLostOrDoubled()
    {
        var shared = new FaultyStorage(new MemoryStorage()) { ReadDelay = TimeSpan.FromMilliseconds(40) };
        await using var connector = await RecordingConnector.StartAsync("/conflicts/");
        await using var a = InProcessHost.Create(services => services.AddSingleton<IStorage>(shared));
        await using var b = InProcessHost.Create(services => services.AddSingleton<IStorage>(shared));
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        string[] lines = ["hello", "yes", "help", "progress", "no", "what is pain", "lesson", "ok"];

        var ids = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var fromA = a.SendMessageAsync(clientA, connector, "shared-conversation", lines[round % lines.Length], "shared-user");
            var fromB = b.SendMessageAsync(clientB, connector, "shared-conversation", lines[(round + 3) % lines.Length], "shared-user");
            var answers = await Task.WhenAll(fromA, fromB);
            Assert.All(answers, answer => Assert.Equal(200, answer.Status));
            ids.AddRange(answers.Select(answer => answer.Id));
        }

        Assert.True(shared.Conflicts > 0, "The test did not make the two instances collide.");
        var replies = connector.Received.Where(r => r.ConversationId == "shared-conversation" && r.Activity?.Type == "message").Select(r => r.Activity!).ToList();
        foreach (var id in ids)
        {
            var texts = replies.Where(r => r.ReplyToId == id).Select(r => r.Text ?? string.Empty).ToList();
            Assert.True(texts.Count > 0, $"Message {id} got no reply.");
            Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain(texts, t => t.StartsWith("Sorry, something went wrong", StringComparison.Ordinal) || t.StartsWith("Sorry, I had a problem", StringComparison.Ordinal));
        }
    }
}
