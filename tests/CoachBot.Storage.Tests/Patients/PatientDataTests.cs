using System.Text.Json.Nodes;
using CoachBot.Records;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Patients;

public sealed class PatientDataTests : IDisposable
{
    private readonly ProviderStorage _storage = new();

    public void Dispose() => _storage.Dispose();

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task FindAsync_SeededPatient_FindsEveryKindOfData(string provider)
    {
        var storage = await SeededAsync(provider);

        var keys = await new PatientData(storage).FindAsync(PatientSeed.PatientId);

        Assert.Equal((PatientSeed.Channel, PatientSeed.User), (keys.ChannelId, keys.UserId));
        Assert.Equal(RecordKeys.Patient(PatientSeed.PatientId), keys.Patient);
        Assert.Equal(RecordKeys.Reference(PatientSeed.PatientId), keys.ConversationReference);
        Assert.Equal(2, keys.CheckIns.Count);
        Assert.Single(keys.Escalations);
        Assert.Equal([PatientSeed.OldConversation, PatientSeed.Conversation], keys.Conversations.Order(StringComparer.Ordinal));
        Assert.Equal(4, keys.Transcripts.Count);
        Assert.Equal(
            ["msteams/conversations/" + PatientSeed.Conversation, "msteams/users/" + PatientSeed.User],
            keys.State.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(keys.All, k => k.Contains("bob", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task ExportAsync_SeededPatient_HoldsTheStoredDocuments(string provider)
    {
        var storage = await SeededAsync(provider);
        var data = new PatientData(storage);

        var export = await data.ExportAsync(await data.FindAsync(PatientSeed.PatientId));

        Assert.Equal(PatientSeed.PatientId, (string?)export["patientId"]);
        Assert.Equal("ann", (string?)export["patient"]!["name"]);
        Assert.Equal([1, 2], export["checkIns"]!.AsArray().Select(c => (int)c!["sequence"]!));
        Assert.Equal("COACH-REQUEST", (string?)export["escalations"]![0]!["ruleIds"]![0]);
        Assert.Equal(PatientSeed.Conversation, (string?)export["conversationReference"]!["conversation"]!["id"]);
        var transcripts = export["transcripts"]!.AsArray().ToDictionary(t => (string)t!["conversationId"]!, t => t!["activities"]!.AsArray());
        Assert.Equal(["hello", "hi 29:ann"], transcripts[PatientSeed.Conversation].Select(a => (string?)a!["text"]));
        Assert.Equal(["time for your check-in", "ok"], transcripts[PatientSeed.OldConversation].Select(a => (string?)a!["text"]));
        Assert.Equal(2, export["state"]!.AsObject().Count);
        Assert.DoesNotContain("bob", export.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task EraseAsync_SeededPatient_DeletesAllOfItAndNothingElse(string provider)
    {
        var storage = await SeededAsync(provider);
        var before = await AllKeysAsync(storage);
        var data = new PatientData(storage);
        var keys = await data.FindAsync(PatientSeed.PatientId);

        await data.EraseAsync(keys);

        Assert.True((await data.FindAsync(PatientSeed.PatientId)).IsEmpty);
        var after = await AllKeysAsync(storage);
        Assert.Equal(before.Except(keys.All).Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
        Assert.Equal(11, keys.All.Count());
        Assert.False((await data.FindAsync(PatientSeed.OtherPatientId)).IsEmpty);
    }

    [Fact]
    public async Task FindAsync_NoRecordButAReference_StillFindsTheConversations()
    {
        var storage = new MemoryStorage();
        await PatientSeed.WriteAsync(storage);
        await storage.DeleteAsync([RecordKeys.Patient(PatientSeed.PatientId)]);

        var keys = await new PatientData(storage).FindAsync(PatientSeed.PatientId);

        Assert.Null(keys.Patient);
        Assert.Equal(PatientSeed.User, keys.UserId);
        Assert.Equal(4, keys.Transcripts.Count);
    }

    [Fact]
    public async Task FindAsync_UnknownPatient_IsEmpty()
    {
        var storage = new MemoryStorage();
        await PatientSeed.WriteAsync(storage);

        var keys = await new PatientData(storage).FindAsync("msteams-nobody");

        Assert.True(keys.IsEmpty);
        Assert.All(keys.Counts, c => Assert.Equal(0, c.Count));
    }

    [Fact]
    public async Task ExportAsync_DamagedDocument_IsExportedAsText()
    {
        var storage = new MemoryStorage();
        await PatientSeed.WriteAsync(storage);
        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            [RecordKeys.CheckIn(PatientSeed.PatientId, 3)] = new("{not json", null),
        });
        var data = new PatientData(storage);

        var export = await data.ExportAsync(await data.FindAsync(PatientSeed.PatientId));

        Assert.Equal("{not json", (string?)export["checkIns"]![2]);
    }

    private async Task<IStorage> SeededAsync(string provider)
    {
        var storage = await _storage.CreateAsync(provider);

        await PatientSeed.WriteAsync(storage);
        return storage;
    }

    private static async Task<List<string>> AllKeysAsync(IStorage storage)
    {
        var keys = new List<string>();
        await foreach (var key in storage.ListKeysAsync(""))
        {
            keys.Add(key);
        }

        return keys;
    }
}
