using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Records;
using CoachBot.Records.Caseload;
using CoachBot.Storage;
using CoachBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.EndToEnd.Tests.Coach;

/// <summary>
/// 200 patients of known states written through the real record repositories (which keep the caseload read model),
/// in ten groups by <c>i % 10</c>: 0 an open urgent escalation, 1 paused, 2 on hold for 3 check-ins, 3 unreachable,
/// 4 quiet for 10 days, 5 a routine escalation answered after 30 minutes, 6 an open "anything else?" note, 7-9 doing
/// well. Patients 0-99 are assigned to the coach, 100-199 to nobody. Groups 5-9 trained twice today and their pain
/// went 5, 4, 3; the others stayed at 6. Everyone's baseline is 6.
/// </summary>
internal sealed class CaseloadSeed : IAsyncDisposable
{
    public const int Count = 200;

    private readonly ServiceProvider _services;

    public CaseloadSeed(string database, string coach, DateTimeOffset now)
    {
        Coach = coach;
        Now = now;
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = database });
        var services = new ServiceCollection();
        services.AddSingleton<IStorage>(storage);
        services.AddSingleton(TimeProvider.System);
        services.AddCoachBotRecords();
        _services = services.BuildServiceProvider();
        Storage = storage;
    }

    public string Coach { get; }

    public DateTimeOffset Now { get; }

    public SqliteStorage Storage { get; }

    public IEscalationRepository Escalations => _services.GetRequiredService<IEscalationRepository>();

    public static string Id(int i) => $"p-{i:D3}";

    public static string Name(int i) => $"Patient {i:D3}";

    /// <summary>The patients of a group among the coach's (0-99) or everyone.</summary>
    public static IReadOnlyList<string> Group(int group, bool mineOnly) =>
        [.. Enumerable.Range(0, mineOnly ? 100 : Count).Where(i => i % 10 == group).Select(Id)];

    public async Task WriteAsync()
    {
        await Storage.InitializeAsync();
        var patients = _services.GetRequiredService<IPatientRepository>();
        var checkIns = _services.GetRequiredService<ICheckInRepository>();
        var caseload = _services.GetRequiredService<CaseloadStore>();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        for (var i = 0; i < Count; i++)
        {
            var group = i % 10;
            var well = group >= 5;
            var quiet = group == 4;
            await patients.SaveAsync(new PatientRecord
            {
                PatientId = Id(i),
                ChannelId = "webchat",
                UserId = "user-" + i,
                Name = Name(i),
                CreatedAt = Now.AddDays(-30),
                Onboarded = true,
                BaselinePain = 6,
                Reachable = group != 3,
                LastSeenAt = quiet ? Now.AddDays(-10) : Now.AddHours(-1),
                Program = new PatientProgram
                {
                    Exercises = [],
                    Phase = group == 1 ? ProgramPhase.Paused : ProgramPhase.Normal,
                    Sessions = well ? [today, today] : [],
                },
            });
            for (var n = 1; n <= 3; n++)
            {
                var decision = group switch
                {
                    2 => Decision.Hold,
                    1 when n == 3 => Decision.Pause,
                    _ => Decision.Progress,
                };
                var at = Now.AddDays((quiet ? -13 : -4) + n);
                await checkIns.AppendAsync(new CheckInEntry
                {
                    PatientId = Id(i),
                    Sequence = n,
                    RecordedAt = at,
                    LocalDate = DateOnly.FromDateTime(at.UtcDateTime),
                    Input = new CheckInInput { PainNow = well ? 6 - n : 6 },
                    Decision = decision,
                    Escalation = Escalation.None,
                    MustMention = [],
                    FiredRules = [],
                    RuleSetVersion = "seed",
                });
            }

            if (group == 0)
            {
                await RaiseAsync(i, Escalation.Urgent, "RF-9", "pain spreading down both legs", Now.AddHours(-2));
            }
            else if (group == 5)
            {
                var raised = await RaiseAsync(i, Escalation.Routine, "AD-2", "asked about weights", Now.AddDays(-3));
                await Escalations.UpdateStatusAsync(raised.Id, EscalationStatus.Acknowledged, Coach, raised.RaisedAt.AddMinutes(30));
                await Escalations.UpdateStatusAsync(raised.Id, EscalationStatus.Resolved, Coach, raised.RaisedAt.AddHours(1));
            }
            else if (group == 6)
            {
                await RaiseAsync(i, Escalation.None, CaseloadProjection.NoteRule, "Note from " + Name(i), Now.AddHours(-5));
            }

            if (i < 100)
            {
                await caseload.AssignAsync(Id(i), Coach, "seed@example.org");
            }
        }
    }

    public Task<EscalationRecord> RaiseAsync(int i, Escalation level, string rule, string words, DateTimeOffset at) =>
        Escalations.RaiseAsync(new EscalationRecord
        {
            Id = EscalationIds.New(at),
            PatientId = Id(i),
            Level = level,
            RuleIds = [rule],
            Reason = "seeded: " + rule,
            PatientWords = words,
            RaisedAt = at,
        });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Storage.Dispose();
    }
}
