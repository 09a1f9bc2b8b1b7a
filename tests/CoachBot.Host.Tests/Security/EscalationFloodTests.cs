using System.Net;
using CoachBot.Coaching.Policy;
using CoachBot.Records;
using CoachBot.Storage;
using CoachBot.Storage.Sqlite;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests.Security;

/// <summary>
/// Issue 21 item 4: a flood of red-flag messages from one anonymous web chat raises the first few escalations and
/// counts the rest on the last one; the coaches' Teams channel gets one post per escalation raised, not per message;
/// an escalation keeps only an excerpt of the patient's words.
/// </summary>
public sealed class EscalationFloodTests : IDisposable
{
    private const string RedFlag = "Since this morning I have lost control of my bladder";
    private readonly string _folder = Directory.CreateTempSubdirectory("coachbot-flood-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AFloodOfRedFlags_FromOneChat_RaisesThree_CountsTheRest_AndPostsThreeToTheChannel()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var channel = await RecordingConnector.StartAsync(cancellationToken: cancel.Token);
        var database = Path.Combine(_folder, "coachbot.db");
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = database,
            ["Coaches:TeamsChannel:ConversationId"] = "19:coaches@thread.tacv2",
            ["Coaches:TeamsChannel:ServiceUrl"] = channel.ServiceUrl,
            ["Coaches:TeamsChannel:PollInterval"] = "00:00:01",
        }, cancel.Token);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var chat = await WebChatSession.StartAsync(http);
        var other = await WebChatSession.StartAsync(http);

        const int Flood = 12;
        var longWords = RedFlag + ". " + string.Concat(Enumerable.Repeat("It started after I lifted a heavy box at work and it has got worse. ", 40));
        for (var i = 0; i < Flood; i++)
        {
            using var sent = await chat.SayAsync(i == 0 ? longWords : RedFlag + " " + i);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using (var sent = await other.SayAsync(RedFlag))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        Assert.Contains(await chat.BotTextsAsync(), t => t.Contains("This needs a doctor now.", StringComparison.Ordinal));
        await channel.WaitForRequestsAsync(4, cancel.Token);
        await Task.Delay(TimeSpan.FromSeconds(3), cancel.Token); // two more polls: nothing else may be posted

        var escalations = await ReadEscalationsAsync(database);
        var byPatient = escalations.GroupBy(e => e.PatientId).OrderByDescending(g => g.Count()).ToList();
        Assert.Equal(2, byPatient.Count);
        var floodedChat = byPatient[0].OrderBy(e => e.RaisedAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(3, floodedChat.Count);
        Assert.All(floodedChat, e => Assert.Equal(Escalation.Emergency, e.Level));
        Assert.Equal(Flood - 3, floodedChat.Sum(e => e.MoreRaised));
        Assert.Equal(Flood - 3, floodedChat[^1].MoreRaised);
        Assert.Single(byPatient[1]);
        Assert.Equal(0, byPatient[1].Single().MoreRaised);

        var first = floodedChat[0].PatientWords!;
        Assert.True(first.Length <= 500, "stored words: " + first.Length + " characters");
        Assert.StartsWith(RedFlag, first, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", first, StringComparison.Ordinal);

        Assert.Equal(4, channel.Messages.Count);
    }

    private static async Task<IReadOnlyList<EscalationRecord>> ReadEscalationsAsync(string database)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IStorage>(_ => new SqliteStorage(new SqliteStorageOptions { Path = database }));
        services.AddSingleton(TimeProvider.System);
        services.AddCoachBotRecords();
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IEscalationRepository>().ListAsync();
    }
}
