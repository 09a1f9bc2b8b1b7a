using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Records;

/// <summary>The record ports against <see cref="MemoryStorage"/>.</summary>
public sealed class RecordsTests
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSingleton<IStorage, MemoryStorage>()
        .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero)))
        .AddCoachBotRecords()
        .BuildServiceProvider();

    [Fact]
    public async Task PatientRepository_SaveThenStaleSave_ConflictsAndKeepsTheFirst()
    {
        var patients = _services.GetRequiredService<IPatientRepository>();
        var saved = await patients.SaveAsync(new PatientRecord { PatientId = "p1", ChannelId = "test", UserId = "u1", Name = "Ann" });
        var renamed = await patients.SaveAsync(saved with { Name = "Anna" });

        await Assert.ThrowsAsync<StorageConflictException>(() => patients.SaveAsync(saved with { Name = "Lost" }));
        var read = await patients.GetAsync("p1");
        Assert.Equal("Anna", read!.Name);
        Assert.Equal(renamed.ETag, read.ETag);
        Assert.Single(await patients.ListAsync());
    }

    [Fact]
    public async Task CheckInRepository_SameSequenceTwice_IsRejected()
    {
        var checkIns = _services.GetRequiredService<ICheckInRepository>();
        await checkIns.AppendAsync(Entry("p1", 1, 3));
        await checkIns.AppendAsync(Entry("p1", 2, 5));

        await Assert.ThrowsAsync<StorageConflictException>(() => checkIns.AppendAsync(Entry("p1", 2, 9)));
        var list = await checkIns.ListAsync("p1");
        Assert.Equal([3, 5], list.Select(e => e.Input.PainNow));
        Assert.Empty(await checkIns.ListAsync("p2"));
    }

    [Fact]
    public async Task EscalationRepository_ListOpen_SkipsResolved()
    {
        var escalations = _services.GetRequiredService<IEscalationRepository>();
        var at = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var first = await escalations.RaiseAsync(Escalation("p1", at, Coaching.Policy.Escalation.Emergency));
        await escalations.RaiseAsync(Escalation("p2", at.AddMinutes(1), Coaching.Policy.Escalation.Routine));

        var resolved = await escalations.UpdateStatusAsync(first.Id, EscalationStatus.Resolved, "coach-1", at.AddHours(1));

        Assert.Equal("coach-1", resolved.StatusBy);
        var open = await escalations.ListAsync(EscalationStatus.Open);
        Assert.Equal(["p2"], open.Select(e => e.PatientId));
        Assert.Equal(2, (await escalations.ListAsync()).Count);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => escalations.UpdateStatusAsync("missing", EscalationStatus.Resolved, "c", at));
    }

    [Fact]
    public async Task ConversationReferenceStore_SaveThenGet_KeepsTheTenant()
    {
        var refs = _services.GetRequiredService<IConversationReferenceStore>();
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.example/emea/",
            Conversation = new ConversationAccount("a:1") { TenantId = "tenant-9" },
            User = new ChannelAccount("29:u"),
            Bot = new ChannelAccount("28:b"),
        };
        await refs.SaveAsync("p1", reference);

        var read = await refs.GetAsync("p1");
        Assert.Equal("tenant-9", read!.Conversation!.TenantId);
        Assert.Null(await refs.GetAsync("p2"));
    }

    [Fact]
    public async Task PatientRepository_ReadThriceInATurn_StorageReadOnceAndEachTurnReadsAfresh()
    {
        var storage = new ReadCountingStorage();
        var seen = new List<string?>();
        IPatientRepository? patients = null;
        await using var adapter = new TestAdapter(
            async (turn, ct) =>
            {
                for (var i = 0; i < 3; i++)
                {
                    seen.Add((await patients!.GetAsync("p1", turn, ct))?.Name);
                }
            },
            services => services.AddSingleton<IStorage>(storage).AddCoachBotRecords());
        var repository = patients = adapter.Services.GetRequiredService<IPatientRepository>();
        await repository.SaveAsync(new PatientRecord { PatientId = "p1", ChannelId = "test", UserId = "u1", Name = "Ann" });

        storage.PatientReads = 0;
        await adapter.SendTextAsync("one");
        Assert.Equal(1, storage.PatientReads);

        var current = await repository.GetAsync("p1");
        await repository.SaveAsync(current! with { Name = "Anna" });
        storage.PatientReads = 0;
        await adapter.SendTextAsync("two");
        Assert.Equal(1, storage.PatientReads);
        Assert.Equal(["Ann", "Ann", "Ann", "Anna", "Anna", "Anna"], seen);
    }

    [Fact]
    public async Task TranscriptLogger_LogsInOrder_ReadsTheConversationBack()
    {
        var logger = _services.GetRequiredService<ITranscriptLogger>();
        var reader = _services.GetRequiredService<ITranscriptReader>();
        var at = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        foreach (var (text, offset) in new[] { ("one", 0), ("two", 1), ("three", 2) })
        {
            var activity = Activity.CreateMessage(text);
            activity.ChannelId = "test";
            activity.Conversation = new ConversationAccount("a:1;messageid=7");
            activity.Timestamp = at.AddSeconds(offset);
            await logger.LogActivityAsync(activity);
        }

        var read = await reader.GetConversationAsync("test", "a:1;messageid=7");
        Assert.Equal(["one", "two", "three"], read.Select(a => a.Text));
    }

    [Fact]
    public void PatientId_UnsafeCharacters_AreReplacedAndStayDistinct()
    {
        var a = PatientId.From("msteams", "29:abc");
        var b = PatientId.From("msteams", "29/abc");
        Assert.DoesNotContain(':', a);
        Assert.NotEqual(a, b);
        Assert.Equal("test-user-1", PatientId.From("test", "user-1"));
    }

    private static CheckInEntry Entry(string patient, int sequence, int pain) => new()
    {
        PatientId = patient,
        Sequence = sequence,
        RecordedAt = DateTimeOffset.UnixEpoch,
        LocalDate = new DateOnly(2025, 1, 6),
        Input = new CheckInInput { PainNow = pain, PainTypes = new HashSet<PainType> { PainType.Ache } },
        Decision = Decision.Hold,
        Escalation = Coaching.Policy.Escalation.None,
        MustMention = [],
        FiredRules = [new FiredRule("ST-1", "test")],
        RuleSetVersion = "test",
    };

    private static EscalationRecord Escalation(string patient, DateTimeOffset at, Coaching.Policy.Escalation level) => new()
    {
        Id = EscalationIds.New(at),
        PatientId = patient,
        Level = level,
        RuleIds = ["RF-1"],
        Reason = "test",
        RaisedAt = at,
    };

    private sealed class ReadCountingStorage : IStorage
    {
        private readonly MemoryStorage _inner = new();

        public int PatientReads { get; set; }

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
        {
            PatientReads += keys.Count(k => k.StartsWith(RecordKeys.PatientsPrefix, StringComparison.Ordinal));
            return _inner.ReadAsync(keys, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default) =>
            _inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);

        public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => _inner.ListKeysAsync(prefix, cancellationToken);
    }
}
