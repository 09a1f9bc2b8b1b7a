using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Records;

namespace CoachBot.Storage.Tests.Patients;

/// <summary>
/// Writes one patient's data through the real record ports (patient, check-ins, escalation, conversation reference,
/// transcripts in two conversations, user and conversation state), plus another patient's data that must be left alone.
/// </summary>
internal static class PatientSeed
{
    public const string Channel = "msteams";
    public const string User = "29:ann";
    public const string OtherUser = "29:bob";
    public const string Conversation = "a:conv/1";
    public const string OldConversation = "a:conv-0";
    public const string OtherConversation = "a:conv-bob";

    public static string PatientId => CoachBot.Records.PatientId.From(Channel, User);

    public static string OtherPatientId => CoachBot.Records.PatientId.From(Channel, OtherUser);

    public static async Task WriteAsync(IStorage storage)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var records = new RecordStore(storage);
        var protocol = new RecordStore(storage, ProtocolJson.Options);
        var patients = new PatientRepository(records);
        var escalations = new EscalationRepository(records);
        var references = new ConversationReferenceStore(protocol);
        var transcripts = new StorageTranscriptStore(protocol, clock, new TranscriptSettings().MaxTranscriptEntriesPerConversationPerDay);

        foreach (var (patientId, user, conversation) in new[] { (PatientId, User, Conversation), (OtherPatientId, OtherUser, OtherConversation) })
        {
            await patients.SaveAsync(new PatientRecord { PatientId = patientId, ChannelId = Channel, UserId = user, Name = user[3..], CheckInCount = 2 });
            for (var n = 1; n <= 2; n++)
            {
                await storage.WriteAsync(new Dictionary<string, StoreItem>
                {
                    [RecordKeys.CheckIn(patientId, n)] = new($"{{\"patientId\":\"{patientId}\",\"sequence\":{n},\"decision\":\"Hold\"}}", null),
                });
            }

            await escalations.RaiseAsync(new EscalationRecord
            {
                Id = EscalationIds.New(clock.GetUtcNow()),
                PatientId = patientId,
                Level = Coaching.Policy.Escalation.Routine,
                RuleIds = ["COACH-REQUEST"],
                Reason = "asked for a coach",
                RaisedAt = clock.GetUtcNow(),
            });
            await references.SaveAsync(patientId, new ConversationReference
            {
                ChannelId = Channel,
                User = new ChannelAccount(user),
                Bot = new ChannelAccount("bot"),
                Conversation = new ConversationAccount(conversation),
                ServiceUrl = "http://127.0.0.1:1/",
            });
            await transcripts.LogActivityAsync(Message(user, "bot", conversation, "hello"));
            await transcripts.LogActivityAsync(Message("bot", user, conversation, "hi " + user));
            await storage.WriteAsync(new Dictionary<string, StoreItem>
            {
                [Channel + "/users/" + user] = new("{\"UserState\":{}}", "*"),
                [Channel + "/conversations/" + conversation] = new("{\"ConversationState\":{}}", "*"),
            });
        }

        // An older conversation of the first patient, no longer in the reference: found through its transcript.
        await transcripts.LogActivityAsync(Message("bot", User, OldConversation, "time for your check-in"));
        await transcripts.LogActivityAsync(Message(User, "bot", OldConversation, "ok"));
    }

    private static Activity Message(string from, string to, string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = Channel,
        From = new ChannelAccount(from),
        Recipient = new ChannelAccount(to),
        Conversation = new ConversationAccount(conversation),
        Text = text,
    };
}
