using CoachBot.Coaching.CheckIns;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Programme;

/// <summary>
/// The text onboarding as a patient types it: how many answers it takes from the greeting to the first plan, the
/// grouped health and red-flag questions (a follow-up only after a yes), the onboarding wording of the fall question,
/// and the first line of the plan for a beginner and for an experienced lifter.
/// </summary>
public sealed class TextOnboardingTests
{
    /// <summary>
    /// Answers to the last question, first match wins: the fragment is looked for in the question, the answer is typed.
    /// Every other question is answered "no", so this is the shortest path the screening allows.
    /// </summary>
    private static readonly (string Fragment, string Answer)[] Calm =
    [
        ("is it OK for me to keep your answers", "yes"),
        ("What would you like me to call you", "Sam"),
        ("How old are you", "38"),
        ("surgery on your back, or an injection", "no"),
        ("Did this back pain start in the last 6 weeks", "no"),
        ("On a normal day, how bad", "4"),
        ("Name one thing your back makes hard", "lift my grandchild"),
        ("How well can you do this now", "5"),
        ("how much has your back pain bothered you", "a little"),
        ("What would you like to be able to do", "carry my shopping"),
        ("For example", "carry my shopping"),
        ("What do you have to train with", "A kettlebell"),
        ("How long have you done strength training", "A year or more"),
        ("keep to your own exercises, or start with a plan", "A plan from you"),
        (string.Empty, "no"),
    ];

    [Fact]
    public async Task ExperiencedLifter_ReachesTheFirstPlan_In24AnswersOrFewer_AndIsNotToldTheWeightsAreLight()
    {
        await using var transport = AdapterTransport.Create();

        var (answers, replies) = await OnboardToThePlanAsync(transport, Calm);

        // Before the questions were grouped it took 33 answers (4 health and 8 red-flag questions one by one).
        Assert.InRange(answers, 1, 24);
        var plan = Assert.Single(replies, r => r.StartsWith("Here is your plan to start with", StringComparison.Ordinal));
        Assert.Contains("Kettlebell deadlift: 3 sets of 8, 16 kg", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("light on purpose", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Contains("since your last check-in", StringComparison.Ordinal));
        var patient = (await transport.Services.GetRequiredService<IPatientRepository>().ListAsync()).Single();
        Assert.Empty(patient.Screening!.Answers.RedFlags);
        Assert.False(patient.Screening.Answers.PregnantOrRecentBirth);
        Assert.Null(patient.Clearance);
    }

    [Fact]
    public async Task Beginner_ReachesTheBodyweightPlan_In23AnswersOrFewer()
    {
        await using var transport = AdapterTransport.Create();

        var (answers, replies) = await OnboardToThePlanAsync(transport, [("What do you have to train with", "Nothing"), ("How long have you done strength training", "No"), .. Calm]);

        Assert.InRange(answers, 1, 23);
        Assert.Contains(replies, r => r.StartsWith("Here is your plan to start with. It uses just your body weight", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstLoadedStep_IsLightOnPurpose()
    {
        await using var transport = AdapterTransport.Create();

        var (_, replies) = await OnboardToThePlanAsync(transport, [("What do you have to train with", "Dumbbells"), ("How long have you done strength training", "Less than a year"), .. Calm]);

        var plan = Assert.Single(replies, r => r.StartsWith("Here is your plan to start with", StringComparison.Ordinal));
        Assert.Contains("The weights are light on purpose", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYesToARedFlagList_AsksEachInTurn_WithTheOnboardingFallQuestion_AndRecordsOnlyTheOneSaidYesTo()
    {
        await using var transport = AdapterTransport.Create();
        (string, string)[] answers =
        [
            ("do any of these apply to you?\n- A fever", "yes"),
            ("hard knock to your back", "yes"),
            .. Calm,
        ];

        var (_, replies) = await OnboardToThePlanAsync(transport, answers, stopAtHold: true);

        var fall = Assert.Single(replies, r => r.Contains("hard knock to your back", StringComparison.Ordinal) && !r.Contains('\n'));
        Assert.Equal("Have you had a fall, an accident or a hard knock to your back lately? Or did your pain start after one?", fall);
        Assert.Contains(replies, r => r.Contains("Have you ever had cancer?", StringComparison.Ordinal));
        var patient = (await transport.Services.GetRequiredService<IPatientRepository>().ListAsync()).Single();
        Assert.Equal(RedFlag.RecentTrauma, Assert.Single(patient.Screening!.Answers.RedFlags));
        Assert.False(patient.Screening.Answers.PastCancer);
        Assert.NotNull(patient.Clearance);
    }

    [Fact]
    public async Task AYesToTheNerveList_EndsInTheEmergencyMessage_AtTheFirstYes()
    {
        await using var transport = AdapterTransport.Create();
        (string, string)[] answers = [("Do you have any of these now?", "yes"), ("bladder or bowels", "no"), ("between your legs", "yes"), .. Calm];

        var (_, replies) = await OnboardToThePlanAsync(transport, answers, stopAtHold: true);

        Assert.Contains(replies, r => r.Contains("emergency department", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("Is either of your legs", StringComparison.Ordinal));
        var patient = (await transport.Services.GetRequiredService<IPatientRepository>().ListAsync()).Single();
        Assert.Equal(RedFlag.SaddleNumbness, Assert.Single(patient.Screening!.Answers.RedFlags));
    }

    [Theory]
    [InlineData("screening list", "Do any of these apply to you?\n- You are pregnant")]
    [InlineData("nerve list", "Do you have any of these now?")]
    [InlineData("other list", "do any of these apply to you?\n- A fever")]
    public async Task ARedFlagTypedAtAGroupedQuestion_Interrupts_AndIsNotReadAsAnAnswer(string where, string question)
    {
        _ = where;
        await using var transport = AdapterTransport.Create();
        var seen = await AnswerUntilAsync(transport, question);
        Assert.Contains(seen[^1], r => r.Contains(question, StringComparison.Ordinal));

        var replies = await transport.SendAsync("I wet myself this morning without knowing");

        Assert.Contains("emergency department", replies[0], StringComparison.Ordinal);
        var open = await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync(EscalationStatus.Open);
        Assert.Contains(open, e => e.RuleIds.Contains("RF-1") && e.PatientWords == "I wet myself this morning without knowing");
    }

    /// <summary>Says hello, then answers each question until the plan (or, with <paramref name="stopAtHold"/>, the screening's end) is shown.</summary>
    private static async Task<(int Answers, List<string> Replies)> OnboardToThePlanAsync(AdapterTransport transport, IReadOnlyList<(string Fragment, string Answer)> answers, bool stopAtHold = false)
    {
        var last = await transport.SendAsync("hello");
        var all = new List<string>(last);
        var count = 1;
        var custom = answers.ToList();
        while (!all.Exists(r => r.StartsWith("Here is your plan to start with", StringComparison.Ordinal)))
        {
            if (stopAtHold && count > 1 && last.Any(r => r.Contains("On a normal day, how bad", StringComparison.Ordinal) || r.Contains("emergency department", StringComparison.Ordinal)))
            {
                break;
            }

            Assert.True(count < 60, "no plan after 60 answers:\n" + string.Join("\n", all));
            var question = all[^1];
            var match = custom.First(a => question.Contains(a.Fragment, StringComparison.Ordinal));
            if (!Calm.Contains(match))
            {
                custom.Remove(match); // a given answer is used once
            }

            last = await transport.SendAsync(match.Answer);
            all.AddRange(last);
            count++;
        }

        return (count, all);
    }

    /// <summary>Answers calmly until <paramref name="question"/> is asked; returns the replies of each turn.</summary>
    private static async Task<List<IReadOnlyList<string>>> AnswerUntilAsync(AdapterTransport transport, string question)
    {
        var turns = new List<IReadOnlyList<string>> { await transport.SendAsync("hello") };
        while (!turns[^1].Any(r => r.Contains(question, StringComparison.Ordinal)))
        {
            Assert.True(turns.Count < 40, "never asked: " + question);
            var last = turns[^1][^1];
            turns.Add(await transport.SendAsync(Calm.First(a => last.Contains(a.Fragment, StringComparison.Ordinal)).Answer));
        }

        return turns;
    }
}
