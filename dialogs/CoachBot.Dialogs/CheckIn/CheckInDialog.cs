using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Programs;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Choices;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// The check-in: flare-up status (when in one), pain now, pain types, below the knee, pain in the last session,
/// settled next morning, sessions done, trend (only when history has none), the red-flag screen (weekly or when
/// an answer hints at one) and "anything else?". Then one <see cref="CheckInInput"/> goes to the core.
/// </summary>
internal sealed class CheckInDialog : WaterfallDialog<CheckInState>
{
    private static readonly string[] NothingWords = ["nothing", "nothing else", "no", "nope", "no thanks", "none", "all good", "thats all", "that's all"];
    private readonly DialogServices _services;

    public CheckInDialog(DialogServices services)
        : base(DialogIds.CheckIn)
    {
        _services = services;
        AddStep(AskFlareStatusStepAsync);
        AddStep(RecordFlareStatusStepAsync);
        AddStep(AskPainNowStepAsync);
        AddStep(RecordPainNowStepAsync);
        AddStep(AskPainTypesStepAsync);
        AddStep(RecordPainTypesStepAsync);
        AddStep(AskBelowKneeStepAsync);
        AddStep(RecordBelowKneeStepAsync);
        AddStep(AskSessionPainStepAsync);
        AddStep(RecordSessionPainStepAsync);
        AddStep(AskSettledStepAsync);
        AddStep(RecordSettledStepAsync);
        AddStep(AskSessionsDoneStepAsync);
        AddStep(RecordSessionsDoneStepAsync);
        AddStep(AskTrendStepAsync);
        AddStep(RecordTrendStepAsync);
        AddStep(AskRedFlagsStepAsync);
        AddStep(RecordRedFlagsStepAsync);
        AddStep(AskAnythingElseStepAsync);
        AddStep(RecordAnythingElseStepAsync);
        AddStep(RecordDecisionStepAsync);
        AddStep(RecordLessonChoiceStepAsync);
    }

    private Texts Texts => _services.Texts;

    private async Task<DialogTurnResult> AskFlareStatusStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        var patient = await _services.GetAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var options = step.GetOptions<CheckInOptions>();
        if (options?.Greeted != true)
        {
            var greeting = options?.Proactive == true ? Texts.Get(MessageKeys.Checkin.Greeting, ("name", PatientAccess.NameOf(patient, step.Context))) : Texts.Get(MessageKeys.Checkin.Start);
            await step.Context.SendActivityAsync(greeting, cancellationToken).ConfigureAwait(false);
        }

        return patient.InFlareUp
            ? await step.PromptAsync(DialogIds.Prompts.Choice, Ask.Choices(Texts, MessageKeys.Flareup.AskIsOver, MessageKeys.Retry.Choice, [(MessageKeys.Flareup.OptionOver, WordLists.FlareUpOver), (MessageKeys.Flareup.OptionNotOver, WordLists.FlareUpNotOver)]), cancellationToken).ConfigureAwait(false)
            : await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordFlareStatusStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        var chosen = Ask.ChosenIndex(step.Result);
        step.State.FlareOver = chosen is null ? null : chosen == 0;
        if (chosen is not null)
        {
            await step.Context.SendActivityAsync(Texts.Get(chosen == 0 ? MessageKeys.Flareup.Over : MessageKeys.Flareup.StillOn), cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> AskPainNowStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken) =>
        step.GetOptions<CheckInOptions>()?.PainNow is int typed
            ? step.NextAsync(new ScoreAnswer(typed), cancellationToken)
            : step.PromptAsync(DialogIds.Prompts.Score, Ask.Text(Texts, MessageKeys.Checkin.AskPainNow, MessageKeys.Retry.PainScore), cancellationToken);

    private async Task<DialogTurnResult> RecordPainNowStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        if (step.Result is not ScoreAnswer { Value: int pain })
        {
            // Pain now is required by the core: without it there is no decision. Leave kindly; nothing is lost.
            await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Retry.GivingUp), cancellationToken).ConfigureAwait(false);
            await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Common.Cancelled), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.State.PainNow = pain;
        step.State.HasPainNow = true;
        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> AskPainTypesStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken) =>
        step.BeginDialogAsync(DialogIds.PainTypes, new PainTypesState(), cancellationToken);

    private Task<DialogTurnResult> RecordPainTypesStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        var types = PainTypeKeys.All.Keys.ToList();
        step.State.PainTypes = step.Result switch
        {
            PainTypesResult picked => [.. picked.Types.Distinct()],

            // A check-in that was waiting on the older one-message prompt when this version was deployed.
            IReadOnlyList<FoundChoice> found => [.. found.Where(f => f.Index < types.Count).Select(f => types[f.Index]).Distinct()],
            _ => [],
        };
        return step.NextAsync(null, cancellationToken);
    }

    private Task<DialogTurnResult> AskBelowKneeStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.Prompts.Choice, Ask.YesNoNotSure(Texts, MessageKeys.Checkin.AskBelowKnee), cancellationToken);

    private Task<DialogTurnResult> RecordBelowKneeStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        step.State.BelowKnee = Ask.ChosenIndex(step.Result) is not 1; // yes, not sure or no answer: the cautious reading
        return step.NextAsync(null, cancellationToken);
    }

    private Task<DialogTurnResult> AskSessionPainStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.Prompts.ScoreOrNotSure, Ask.Text(Texts, MessageKeys.Checkin.AskSessionPain, MessageKeys.Retry.PainScore), cancellationToken);

    private Task<DialogTurnResult> RecordSessionPainStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        step.State.SessionPain = (step.Result as ScoreAnswer)?.Value;
        return step.NextAsync(null, cancellationToken);
    }

    private Task<DialogTurnResult> AskSettledStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.Prompts.Choice, Ask.YesNoNotSure(Texts, MessageKeys.Checkin.AskSettledNextMorning), cancellationToken);

    private Task<DialogTurnResult> RecordSettledStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        step.State.Settled = Ask.ChosenIndex(step.Result) switch { 0 => true, 1 => false, _ => null };
        return step.NextAsync(null, cancellationToken);
    }

    private Task<DialogTurnResult> AskSessionsDoneStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.Prompts.Count, Ask.Text(Texts, MessageKeys.Checkin.AskSessionsDone, MessageKeys.Retry.Sessions), cancellationToken);

    private Task<DialogTurnResult> RecordSessionsDoneStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        step.State.Sessions = step.Result is int count ? count : null;
        return step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskTrendStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        var patient = await _services.GetAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var program = patient.Program ?? StarterProgram.Create(patient.StartBack?.Risk ?? Coaching.Screening.StartBackRisk.Medium);
        if (PatientHistory.TrendVsLastWeek(program, _services.Today(patient), step.State.PainNow) is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false); // computed from history
        }

        (string, string?)[] options = [(MessageKeys.Checkin.TrendOptionBetter, WordLists.TrendBetter), (MessageKeys.Checkin.TrendOptionSame, WordLists.TrendSame), (MessageKeys.Checkin.TrendOptionWorse, WordLists.TrendWorse)];
        return await step.PromptAsync(DialogIds.Prompts.Choice, Ask.Choices(Texts, MessageKeys.Checkin.AskTrend, MessageKeys.Retry.Choice, options), cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> RecordTrendStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        step.State.Trend = Ask.ChosenIndex(step.Result) switch { 0 => PainTrend.Better, 1 => PainTrend.Same, 2 => PainTrend.Worse, _ => null };
        return step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskRedFlagsStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        var patient = await _services.GetAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var today = _services.Today(patient);
        return RedFlagScreenDue.Weekly(patient, today) || RedFlagScreenDue.Hinted(step.State)
            ? await step.BeginDialogAsync(DialogIds.RedFlagScreen, new RedFlagScreenOptions(0, []), cancellationToken).ConfigureAwait(false)
            : await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> RecordRedFlagsStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        if (step.Result is RedFlagScreenResult screened)
        {
            step.State.Screened = true;
            step.State.RedFlags = [.. screened.Flags];
        }

        return step.NextAsync(null, cancellationToken);
    }

    private Task<DialogTurnResult> AskAnythingElseStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        if (step.State.RedFlags.Exists(RedFlagQuestions.IsEmergency))
        {
            return step.NextAsync(null, cancellationToken); // emergency: decide at once
        }

        return step.PromptAsync(DialogIds.Prompts.Text, Ask.Choices(Texts, MessageKeys.Checkin.AskAnythingElse, MessageKeys.Checkin.AskAnythingElse, [(MessageKeys.Checkin.OptionNothingElse, null)]), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAnythingElseStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        var text = (step.Result as string)?.Trim();
        var nothing = string.IsNullOrEmpty(text)
            || string.Equals(text, Texts.Get(MessageKeys.Checkin.OptionNothingElse), StringComparison.OrdinalIgnoreCase)
            || NothingWords.Any(w => string.Equals(text.TrimEnd('.', '!'), w, StringComparison.OrdinalIgnoreCase));
        step.State.AnythingElse = nothing ? null : text;
        if (!nothing)
        {
            await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Checkin.Noted), cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordDecisionStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        var recorded = await CheckInRecorder.RecordAsync(_services, step.Context, step.State, cancellationToken).ConfigureAwait(false);
        var outcome = recorded.Outcome;
        step.State.Recorded = true;
        foreach (var reply in CheckInReply.Compose(Texts, outcome, step.Context.Activity.Locale, recorded.CoachOverride, recorded.Before))
        {
            await step.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        }

        foreach (var notice in recorded.Notices)
        {
            await step.Context.SendActivityAsync(Texts.Get(notice), cancellationToken).ConfigureAwait(false);
        }

        var seen = (await _services.GetAsync(step.Context, cancellationToken).ConfigureAwait(false)).LessonsSeen;
        var lesson = CheckInReply.SuggestLesson(_services, outcome, seen);
        if (lesson is null)
        {
            return await step.EndDialogAsync(outcome.Decision, cancellationToken).ConfigureAwait(false);
        }

        step.State.OfferedLessonId = lesson.Id;
        var offer = Ask.Choices(Texts, MessageKeys.Lesson.Offer, MessageKeys.Retry.YesNo, [(MessageKeys.Lesson.OptionRead, WordLists.LessonRead), (MessageKeys.Lesson.OptionLater, WordLists.LessonLater)], ("title", lesson.Title));
        offer.MaxAttempts = 1;
        return await step.PromptAsync(DialogIds.Prompts.Choice, offer, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordLessonChoiceStepAsync(WaterfallStepContext<CheckInState> step, CancellationToken cancellationToken)
    {
        if (Ask.ChosenIndex(step.Result) == 0 && step.State.OfferedLessonId is { } id)
        {
            await LessonSender.SendAsync(_services, step.Context, id, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Lesson.LaterOk), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
