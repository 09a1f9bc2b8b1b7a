using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;
using CoachBot.Records;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>
/// The pre-exercise screening before the first plan (clinical rules 9.1), in few turns: age; back surgery or a spine
/// injection in the last 3 months (and how many weeks ago); one list of the health questions (pregnancy, bones and
/// steroids, a known spine problem, the general PAR-Q+ questions), asked one by one only after a yes; whether the pain
/// is new (only when the age asks for it); then the red flags as two lists, the cauda equina signs first, each asked one
/// by one only after a yes (past cancer is in the second list while it is not known). The core decides who needs
/// clearance (<see cref="PreExerciseScreening"/>); this dialog records it, tells the patient why, and raises the
/// coach's clearance item. "Not sure" counts as yes. Returns the <see cref="ScreeningResult"/>.
/// </summary>
internal sealed class ScreeningDialog : WaterfallDialog<ScreeningState>
{
    private readonly DialogServices _services;

    public ScreeningDialog(DialogServices services)
        : base(DialogIds.Screening)
    {
        _services = services;
        AddStep(AskAgeStepAsync);
        AddStep(RecordAgeStepAsync);
        AddStep(RecordSurgeryStepAsync);
        AddStep(RecordSurgeryWeeksStepAsync);
        AddStep(RecordAnyHealthStepAsync);
        AddStep(RecordPregnancyStepAsync);
        AddStep(RecordBonesStepAsync);
        AddStep(RecordSpineConditionStepAsync);
        AddStep(RecordGeneralHealthStepAsync);
        AddStep(RecordNewPainStepAsync);
        AddStep(RecordAnyNerveSignStepAsync);
        AddStep(RecordNerveFlagsStepAsync);
        AddStep(RecordAnyOtherFlagStepAsync);
        AddStep(RecordRedFlagsStepAsync);
    }

    private Texts Texts => _services.Texts;

    private async Task<DialogTurnResult> AskAgeStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Screening.Intro), cancellationToken).ConfigureAwait(false);
        if (step.GetOptions<ScreeningOptions>()?.Age is int age)
        {
            return await step.NextAsync(age, cancellationToken).ConfigureAwait(false); // given on the about-you card
        }

        return await step.PromptAsync(DialogIds.Prompts.Age, Ask.Text(Texts, MessageKeys.Onboarding.AskAge, MessageKeys.Retry.Age), cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> RecordAgeStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        step.State.Age = step.Result as int?;
        return step.PromptAsync(
            DialogIds.Prompts.Choice,
            Ask.Choices(Texts, MessageKeys.Onboarding.AskRecentSurgery, MessageKeys.Retry.Choice, [(MessageKeys.Screening.OptionSurgery, WordLists.ScreeningSurgery), (MessageKeys.Screening.OptionInjection, WordLists.ScreeningInjection), (MessageKeys.Common.OptionNo, WordLists.ScreeningNeither)]),
            cancellationToken);
    }

    private async Task<DialogTurnResult> RecordSurgeryStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        var chosen = Ask.ChosenIndex(step.Result);
        step.State.Surgery = chosen == 0;
        step.State.SpinalInjection = chosen is 1 or null; // no answer: the cautious reading
        if (step.State.Surgery)
        {
            return await step.PromptAsync(DialogIds.Prompts.Weeks, Ask.Text(Texts, MessageKeys.Onboarding.AskSurgeryWeeks, MessageKeys.Onboarding.AskSurgeryWeeks), cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> RecordSurgeryWeeksStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        if (step.State.Surgery)
        {
            step.State.SurgeryWeeksAgo = step.Result as int? ?? 0; // unknown: the most cautious reading (SX-1)
        }

        return AskYesNoAsync(step, MessageKeys.Screening.AskAny, cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAnyHealthStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        step.State.AnyHealth = IsYes(step.Result);
        if (!step.State.AnyHealth)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false); // none of them: nothing more to ask
        }

        await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Screening.OneByOne), cancellationToken).ConfigureAwait(false);
        return await AskYesNoAsync(step, MessageKeys.Screening.AskPregnancy, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordPregnancyStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        if (!step.State.AnyHealth)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.State.Pregnancy = IsYes(step.Result);
        return await AskYesNoAsync(step, MessageKeys.Screening.AskBones, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordBonesStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        if (!step.State.AnyHealth)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.State.Bones = IsYes(step.Result);
        return await AskYesNoAsync(step, MessageKeys.Screening.AskSpineCondition, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordSpineConditionStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        if (!step.State.AnyHealth)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.State.SpineCondition = IsYes(step.Result);
        return await AskYesNoAsync(step, MessageKeys.Screening.AskGeneralHealth, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordGeneralHealthStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        if (step.State.AnyHealth)
        {
            step.State.GeneralHealth = IsYes(step.Result);
        }

        return PreExerciseScreening.AgeAsksAboutNewPain(step.State.Age)
            ? await AskYesNoAsync(step, MessageKeys.Screening.AskNewPain, cancellationToken).ConfigureAwait(false)
            : await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordNewPainStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        if (PreExerciseScreening.AgeAsksAboutNewPain(step.State.Age))
        {
            step.State.NewOrDifferentPain = IsYes(step.Result);
        }

        await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Redflag.Intro), cancellationToken).ConfigureAwait(false);
        return await AskYesNoAsync(step, MessageKeys.Redflag.AskAnyNerveSigns, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> RecordAnyNerveSignStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken) =>
        FollowUpAsync(step, RedFlagQuestions.Nerve, cancellationToken);

    private async Task<DialogTurnResult> RecordNerveFlagsStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        step.State.Flags = step.Result is RedFlagScreenResult screened ? [.. screened.Flags] : [];
        if (step.State.Flags.Exists(RedFlagQuestions.IsEmergency))
        {
            return await step.NextAsync(new RedFlagScreenResult(step.State.Flags), cancellationToken).ConfigureAwait(false); // no need to ask more
        }

        var history = await _services.History.GetAsync(step.Context, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false);
        step.State.AskedCancer = history.CancerHistory is null;
        return await AskYesNoAsync(step, step.State.AskedCancer ? MessageKeys.Redflag.AskAnyOther : MessageKeys.Redflag.AskAnyOtherNoCancer, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordAnyOtherFlagStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        if (step.Result is RedFlagScreenResult emergency)
        {
            return await step.NextAsync(emergency, cancellationToken).ConfigureAwait(false);
        }

        if (step.State.AskedCancer && Ask.ChosenIndex(step.Result) == 1)
        {
            // A clear no to a list that asked about cancer: kept, so it is not asked again.
            var history = await _services.History.GetAsync(step.Context, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false);
            history.CancerHistory = false;
            await _services.History.SetAsync(step.Context, history, cancellationToken).ConfigureAwait(false);
        }

        return await FollowUpAsync(step, RedFlagQuestions.Other, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordRedFlagsStepAsync(WaterfallStepContext<ScreeningState> step, CancellationToken cancellationToken)
    {
        var flags = step.Result is RedFlagScreenResult screened ? screened.Flags : step.State.Flags;
        var result = await RecordAsync(_services, step.Context, step.State, flags, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a list of red flags: a yes (or not sure) asks each one in turn; a no adds nothing.</summary>
    private async Task<DialogTurnResult> FollowUpAsync(WaterfallStepContext<ScreeningState> step, IReadOnlyList<RedFlag> flags, CancellationToken cancellationToken)
    {
        if (!IsYes(step.Result))
        {
            return await step.NextAsync(new RedFlagScreenResult(step.State.Flags), cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Screening.OneByOne), cancellationToken).ConfigureAwait(false);
        return await step.BeginDialogAsync(DialogIds.RedFlagScreen, new RedFlagScreenOptions(0, step.State.Flags, flags), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Evaluates the screening answers (<paramref name="flags"/>: the red flags said yes to, null when the red-flag
    /// screen was not answered), stages it into the patient record, raises the clearance item when needed and tells the
    /// patient. Shared by this dialog and the onboarding card.
    /// </summary>
    public static async Task<ScreeningResult> RecordAsync(DialogServices services, ITurnContext turn, ScreeningState s, IReadOnlyList<RedFlag>? flags, CancellationToken cancellationToken)
    {
        var found = flags?.ToHashSet() ?? [];
        var history = await services.History.GetAsync(turn, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false);
        var answers = new ScreeningAnswers
        {
            Age = s.Age,
            SurgeryWeeksAgo = s.SurgeryWeeksAgo,
            SpinalInjection = s.SpinalInjection,
            PregnantOrRecentBirth = s.Pregnancy,
            OsteoporosisOrSteroids = s.Bones,
            KnownSpinalCondition = s.SpineCondition,
            GeneralHealthConcern = s.GeneralHealth,
            PastCancer = history.CancerHistory != false && (history.CancerHistory == true || found.Contains(RedFlag.CancerHistory)),
            NewOrDifferentPain = s.NewOrDifferentPain,
            RedFlags = found,
        };
        var result = PreExerciseScreening.Evaluate(answers);
        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        var today = services.Today(patient);
        var now = services.Time.GetUtcNow();
        var reason = string.Join("; ", result.Findings.Select(f => f.RuleId + ": " + f.Reason));
        services.Patients.Stage(turn, patient with
        {
            Screening = new ScreeningRecord { Answers = answers, RuleIds = result.RuleIds, ScreenedOn = today },
            Clearance = result.NeedsClearance ? new TrainingClearance { RuleIds = result.RuleIds, Reason = reason, RequestedAt = now } : null,
            LastRedFlagScreenOn = flags is not null ? today : patient.LastRedFlagScreenOn,
        });
        if (!result.NeedsClearance)
        {
            await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Screening.AllClear), cancellationToken).ConfigureAwait(false);
            return result;
        }

        await services.EscalateAsync(turn, result.Escalation, [.. result.RuleIds, RuleTable.Clearance], "pre-exercise screening: clearance needed before training. " + reason, null, cancellationToken).ConfigureAwait(false);
        foreach (var text in Explain(services.Texts, result, turn.Activity.Locale))
        {
            await turn.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>What the patient reads: the emergency message alone, or a doctor today, or the routine hold and why.</summary>
    private static IEnumerable<string> Explain(Texts texts, ScreeningResult result, string? locale)
    {
        if (result.Emergency)
        {
            yield return texts.Get(MessageKeys.Safety.RedFlagEmergency, ("emergency_number", texts.EmergencyNumber(locale)));
            yield break;
        }

        if (result.Escalation == Escalation.Urgent)
        {
            yield return texts.Get(MessageKeys.Screening.Urgent);
            yield break;
        }

        var reasons = result.RuleIds.Select(ReasonKey).Distinct(StringComparer.Ordinal).Select(k => texts.Get(k));
        yield return texts.Get(MessageKeys.Screening.HoldIntro) + "\n" + string.Join("\n", reasons);
        yield return texts.Get(MessageKeys.Screening.HoldNext);
    }

    private static string ReasonKey(string ruleId) => ruleId switch
    {
        PreExerciseScreening.SurgeryEarly or PreExerciseScreening.SurgeryLate => MessageKeys.Screening.ReasonSurgery,
        PreExerciseScreening.SpinalInjection => MessageKeys.Screening.ReasonInjection,
        PreExerciseScreening.KnownSpinalCondition => MessageKeys.Screening.ReasonSpineCondition,
        PreExerciseScreening.GeneralHealth => MessageKeys.Screening.ReasonGeneralHealth,
        PreExerciseScreening.Pregnancy => MessageKeys.Screening.ReasonPregnancy,
        PreExerciseScreening.BoneHealth => MessageKeys.Screening.ReasonBones,
        PreExerciseScreening.PastCancer => MessageKeys.Screening.ReasonPastCancer,
        PreExerciseScreening.AgeFlag => MessageKeys.Screening.ReasonAge,
        _ => MessageKeys.Screening.ReasonRedFlag,
    };

    private static bool IsYes(object? result) => Ask.ChosenIndex(result) is not 1; // yes, not sure or no answer: the cautious reading

    private Task<DialogTurnResult> AskYesNoAsync(WaterfallStepContext<ScreeningState> step, string key, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.Prompts.Choice, Ask.YesNoNotSure(Texts, key), cancellationToken);
}

/// <summary>How the screening begins.</summary>
/// <param name="Age">The age when it is already known (not asked again).</param>
internal sealed record ScreeningOptions(int? Age);
