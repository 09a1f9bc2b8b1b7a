using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Support;

/// <summary>Answers the rest of a check-in with calm defaults, question by question, and reads back what was recorded.</summary>
public static class CheckInDriver
{
    private static readonly (string Fragment, string Answer)[] Defaults =
    [
        ("Does anything else fit", "Done"),
        ("tap each one that fits", "Done"),
        ("What does the pain feel like", "Done"),
        ("How bad is your back pain right now", "2"),
        ("below your knee", "no"),
        ("your last training session", "2"),
        ("By the next morning", "yes"),
        ("How many training sessions", "5"),
        ("Compared with last week", "the same"),
        ("bladder or bowels", "no"),
        ("numb or tingling", "no"),
        ("getting weaker", "no"),
        ("fever", "no"),
        ("a fall", "no"),
        ("lost weight", "no"),
        ("ever had cancer", "no"),
        ("wake you up at night", "no"),
        ("anything else", "Nothing else"),
        ("short read", "Not now"),
    ];

    /// <summary>
    /// Answers each pending question (the last reply) with <paramref name="answers"/> first (fragment → answer, each used
    /// once), else the defaults, until the bot asks nothing it knows. Returns every reply seen.
    /// </summary>
    public static async Task<List<string>> FinishAsync(ITranscriptTransport transport, IReadOnlyList<string> lastReplies, params (string Fragment, string Answer)[] answers)
    {
        var all = new List<string>(lastReplies);
        var pending = lastReplies;
        var custom = answers.ToList();
        for (var i = 0; i < 40 && pending.Count > 0; i++)
        {
            var question = pending[^1];
            var match = custom.Concat(Defaults).FirstOrDefault(a => question.Contains(a.Fragment, StringComparison.OrdinalIgnoreCase));
            if (match.Answer is null)
            {
                break;
            }

            custom.Remove(match); // a given answer is used once; the same question again gets the default

            pending = await transport.SendAsync(match.Answer);
            all.AddRange(pending);
            if (match.Fragment == "short read")
            {
                break;
            }
        }

        return all;
    }

    /// <summary>The patient's recorded check-ins.</summary>
    public static Task<IReadOnlyList<CheckInEntry>> EntriesAsync(ITranscriptTransport transport, string userId = "user-1") =>
        transport.Services.GetRequiredService<ICheckInRepository>().ListAsync(PatientId.From("test", userId));

    /// <summary>Seeds an onboarded patient (see <see cref="PatientSeeds"/>) and returns it.</summary>
    public static async Task<PatientRecord> SeedAsync(ITranscriptTransport transport, string given = "onboarded", Func<PatientRecord, PatientRecord>? change = null)
    {
        var today = DateOnly.FromDateTime(transport.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var patient = PatientSeeds.Create(given, "test", "user-1", today);
        return await transport.Services.GetRequiredService<IPatientRepository>().SaveAsync(change is null ? patient : change(patient));
    }
}
