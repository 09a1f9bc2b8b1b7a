using CoachBot.Reliability.Tests.Support;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Reliability.Tests.Faults;

/// <summary>
/// A patient writes while the store is down. The turn fails, and the patient is told so calmly; a message that
/// raised a safety flag still gets the emergency or crisis wording first, since the safety screen needs no storage.
/// </summary>
public sealed class StorageOutageTests
{
    private const string Apology = "Sorry, something went wrong on my side.";

    [Fact]
    public async Task MessageWhileTheStoreIsDown_IsAnsweredWithTheApology_AndTheSameMessageIsHandledWhenItComesAgain()
    {
        await using var outage = await Patient.StartAsync("outage");
        var (storage, connector, host, client) = (outage.Storage, outage.Connector, outage.Host, outage.Client);

        storage.Down = true;
        var down = await host.SendMessageAsync(client, connector, "outage", "check in");
        var whileDown = RepliesTo(connector, down.Id);
        storage.Down = false;
        var again = await PatientMessages.PostAsync(client, connector.ServiceUrl, "outage", down.Id, ("user-1", "Patient"), "check in", CancellationToken.None);

        Assert.Equal(200, down.Status);
        Assert.StartsWith(Apology, Assert.Single(whileDown), StringComparison.Ordinal);
        Assert.Equal(200, (int)again);
        Assert.DoesNotContain(RepliesTo(connector, down.Id).Skip(1), r => r.StartsWith(Apology, StringComparison.Ordinal));
        Assert.True(RepliesTo(connector, down.Id).Count > 1, "The message sent again after the outage got no answer.");
    }

    [Theory]
    [InlineData("I want to end it all tonight", "call 911 now")]
    [InlineData("I wet myself without noticing", "911")]
    public async Task SafetyMessageWhileTheStoreIsDown_StillGetsTheUrgentWording_BeforeTheApology(string text, string expected)
    {
        await using var outage = await Patient.StartAsync("outage-safety");
        var (storage, connector, host, client) = (outage.Storage, outage.Connector, outage.Host, outage.Client);

        storage.Down = true;
        var down = await host.SendMessageAsync(client, connector, "outage-safety", text);
        var replies = RepliesTo(connector, down.Id);

        Assert.Equal(200, down.Status);
        Assert.True(replies.Count >= 2, "Expected the safety wording and the apology, got: " + string.Join(" | ", replies));
        Assert.Contains(expected, replies[0], StringComparison.Ordinal);
        Assert.StartsWith(Apology, replies[^1], StringComparison.Ordinal);
    }

    /// <summary>The host on a store that can be taken down, and a patient who has already said hello in <c>conversationId</c>.</summary>
    private sealed class Patient(FaultyStorage storage, RecordingConnector connector, InProcessHost host) : IAsyncDisposable
    {
        public FaultyStorage Storage { get; } = storage;

        public RecordingConnector Connector { get; } = connector;

        public InProcessHost Host { get; } = host;

        public HttpClient Client { get; } = host.CreateClient();

        public static async Task<Patient> StartAsync(string conversationId)
        {
            var storage = new FaultyStorage(new MemoryStorage());
            var connector = await RecordingConnector.StartAsync("/" + conversationId + "/");
            var patient = new Patient(storage, connector, InProcessHost.Create(services => services.AddSingleton<IStorage>(storage)));
            await patient.Host.SendMessageAsync(patient.Client, connector, conversationId, "hello");
            return patient;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Host.DisposeAsync();
            await Connector.DisposeAsync();
        }
    }

    private static List<string> RepliesTo(RecordingConnector connector, string activityId) =>
        [.. connector.Received.Where(r => r.Activity?.Type == "message" && r.Activity.ReplyToId == activityId).Select(r => r.Activity!.Text ?? string.Empty)];
}
