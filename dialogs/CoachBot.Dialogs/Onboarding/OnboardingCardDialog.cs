using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Cards;
using CoachBot.Dialogs.Cards;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Records;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>
/// Onboarding on channels that render Adaptive Cards: the welcome card with the consent buttons, then five cards
/// (about you; your health, the pre-exercise screening with the red-flag questions; the STarT Back questions; goals
/// and training; the check-in times). Each answer is checked and recorded exactly as the text onboarding records it;
/// a card with a missing or out-of-range answer comes back with what to fix and the answers kept. Typing instead of
/// tapping never starts onboarding again: at the welcome a typed yes, no or "tell me more" counts as the button (other
/// words get the consent question in words); at the about-you card the text onboarding takes over from the name; at a
/// later card the questions of that card and the ones after it are asked one at a time (the text dialogs run as this
/// dialog's children), and every answer already given is kept.
/// </summary>
internal sealed class OnboardingCardDialog(DialogServices services) : Dialog(DialogIds.OnboardingCards)
{
    private const string StateKey = "state";
    private static readonly string[] ScreeningChoices = ["pregnancy", "bones", "spine", "health"];
    private static readonly string[] Stages = [CardIds.Welcome, CardIds.About, CardIds.Health, CardIds.StartBack, CardIds.Training, CardIds.Schedule];
    private static readonly string[] ConsentActions = [OnboardingCards.Yes, OnboardingCards.No, OnboardingCards.ConsentMore];
    private static readonly JsonElement NoValues = JsonDocument.Parse("{}").RootElement;

    private Texts Texts => services.Texts;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var state = new OnboardingCardState { Stage = CardIds.Welcome, Instance = Guid.NewGuid().ToString("N") };
        dialogContext.ActiveDialog!.State.Set(StateKey, state);
        await SendCardAsync(dialogContext.Context, state, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var turn = dialogContext.Context;
        if (!turn.Activity.IsMessage())
        {
            return EndOfTurn;
        }

        var instance = dialogContext.ActiveDialog!;
        var state = instance.State.Get<OnboardingCardState>(StateKey) ?? new OnboardingCardState();
        if (AdaptiveCards.ReadSubmission(turn.Activity) is { } submission)
        {
            return await OnAnswersAsync(dialogContext, state, submission.Action, submission.Values, cancellationToken).ConfigureAwait(false);
        }

        if (state.Stage == CardIds.Welcome && TypedConsent(turn) is { } action)
        {
            return await OnAnswersAsync(dialogContext, state, action, NoValues, cancellationToken).ConfigureAwait(false);
        }

        return await TypedAsync(dialogContext, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A text dialog begun after typing has ended: keeps what it asked, then goes on with the next card's questions in words.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var turn = dialogContext.Context;
        var instance = dialogContext.ActiveDialog!;
        var state = instance.State.Get<OnboardingCardState>(StateKey) ?? new OnboardingCardState();
        switch (state.Stage)
        {
            case CardIds.Health when result is ScreeningResult { Emergency: true }:
                await services.UpdateAsync(turn, p => p with { Onboarded = true }, cancellationToken).ConfigureAwait(false); // nothing else is asked
                return await dialogContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case CardIds.StartBack when result is StartBackResult startBack:
                await OnboardingDialog.RecordStartBackAsync(services, turn, startBack, cancellationToken).ConfigureAwait(false);
                break;
            case CardIds.Training when !state.GoalsKept:
                var goals = (result as string)?.Trim();
                await services.UpdateAsync(turn, p => p with { Goals = goals }, cancellationToken).ConfigureAwait(false);
                await turn.SendActivityAsync(Texts.Get(MessageKeys.Goals.Thanks), cancellationToken).ConfigureAwait(false);
                state.GoalsKept = true;
                instance.State.Set(StateKey, state);
                return await dialogContext.BeginDialogAsync(DialogIds.Training, null, cancellationToken).ConfigureAwait(false);
            case CardIds.Schedule:
                await OnboardingDialog.FinishAsync(services, turn, cancellationToken).ConfigureAwait(false);
                return await dialogContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        state.Stage = Stages[Array.IndexOf(Stages, state.Stage) + 1];
        instance.State.Set(StateKey, state);
        return await BeginInWordsAsync(dialogContext, state, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OnAnswersAsync(DialogContext dialogContext, OnboardingCardState state, string? action, JsonElement values, CancellationToken cancellationToken)
    {
        var turn = dialogContext.Context;
        var instance = dialogContext.ActiveDialog!;
        var shown = turn.Activity.ReplyToId is { Length: > 0 } && turn.Activity.IsCardSubmit() ? await BuildCardAsync(turn, state, cancellationToken).ConfigureAwait(false) : null;
        var problems = state.Stage switch
        {
            CardIds.Welcome => await WelcomeAsync(turn, state, action, cancellationToken).ConfigureAwait(false),
            CardIds.About => await AboutAsync(turn, state, values, cancellationToken).ConfigureAwait(false),
            CardIds.Health => await HealthAsync(turn, state, values, cancellationToken).ConfigureAwait(false),
            CardIds.StartBack => await StartBackAsync(turn, values, cancellationToken).ConfigureAwait(false),
            CardIds.Training => await TrainingAsync(turn, values, cancellationToken).ConfigureAwait(false),
            _ => await ScheduleAsync(turn, values, cancellationToken).ConfigureAwait(false),
        };
        if (problems.Count > 0)
        {
            state.Values = values.Clone();
            instance.State.Set(StateKey, state);
            await turn.SendActivityAsync(Texts.Get(MessageKeys.Card.FixIntro) + "\n" + string.Join("\n", problems.Select(k => "- " + Texts.Get(k))), cancellationToken).ConfigureAwait(false);
            await SendCardAsync(turn, state, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        var ledger = await services.Cards.GetAsync(turn, () => new CardLedger(), cancellationToken).ConfigureAwait(false);
        ledger.MarkAnswered(state.Instance);
        await services.Cards.SetAsync(turn, ledger, cancellationToken).ConfigureAwait(false);
        if (shown is not null)
        {
            await SentCard.ReplaceAsync(Texts, turn, shown, values, SentCard.ChosenTitle(shown, action), cancellationToken).ConfigureAwait(false);
        }

        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        if (patient.Consent != true || patient.Onboarded)
        {
            return await dialogContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false); // declined, emergency, or done
        }

        if (state.Stage == CardIds.Welcome && action == OnboardingCards.ConsentMore)
        {
            state.Instance = Guid.NewGuid().ToString("N"); // the welcome again
        }
        else
        {
            state.Stage = Stages[Array.IndexOf(Stages, state.Stage) + 1];
            state.Instance = Guid.NewGuid().ToString("N");
            state.Values = null;
        }

        instance.State.Set(StateKey, state);
        await SendCardAsync(turn, state, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return SendCardAsync(turnContext, instance.State.Get<OnboardingCardState>(StateKey) ?? new OnboardingCardState(), cancellationToken);
    }

    private async Task<DialogTurnResult> TypedAsync(DialogContext dialogContext, OnboardingCardState state, CancellationToken cancellationToken)
    {
        var turn = dialogContext.Context;
        var ledger = await services.Cards.GetAsync(turn, () => new CardLedger(), cancellationToken).ConfigureAwait(false);
        ledger.PendingCardId = null;
        ledger.PendingInstance = null;
        await services.Cards.SetAsync(turn, ledger, cancellationToken).ConfigureAwait(false);
        if (state.Stage == CardIds.Welcome)
        {
            // Words that are not an answer to the welcome: the consent question in words, without the welcome again.
            return await dialogContext.ReplaceDialogAsync(DialogIds.Onboarding, new OnboardingOptions(Consented: false, Welcomed: true), cancellationToken).ConfigureAwait(false);
        }

        await turn.SendActivityAsync(Texts.Get(MessageKeys.Card.TypedInstead), cancellationToken).ConfigureAwait(false);
        if (state.Stage == CardIds.About)
        {
            // Nothing of this card is kept yet: the text onboarding asks it, from the name on.
            return await dialogContext.ReplaceDialogAsync(DialogIds.Onboarding, new OnboardingOptions(Consented: true), cancellationToken).ConfigureAwait(false);
        }

        return await BeginInWordsAsync(dialogContext, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The questions of the card at <see cref="OnboardingCardState.Stage"/>, one at a time (the text onboarding's own dialogs).</summary>
    private async Task<DialogTurnResult> BeginInWordsAsync(DialogContext dialogContext, OnboardingCardState state, CancellationToken cancellationToken)
    {
        switch (state.Stage)
        {
            case CardIds.Health:
                return await dialogContext.BeginDialogAsync(DialogIds.Screening, new ScreeningOptions(state.Age), cancellationToken).ConfigureAwait(false);
            case CardIds.StartBack:
                return await dialogContext.BeginDialogAsync(DialogIds.StartBack, null, cancellationToken).ConfigureAwait(false);
            case CardIds.Training:
                await dialogContext.Context.SendActivityAsync(Texts.Get(MessageKeys.Goals.Ask), cancellationToken).ConfigureAwait(false);
                return await dialogContext.PromptAsync(DialogIds.Prompts.Text, Ask.Text(Texts, MessageKeys.Goals.Examples, MessageKeys.Goals.Examples), cancellationToken).ConfigureAwait(false);
            default:
                return await dialogContext.BeginDialogAsync(DialogIds.Schedule, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The welcome's button a typed answer names ("yes", "no thanks", "tell me more"), or null.</summary>
    private string? TypedConsent(ITurnContext turn)
    {
        Conversation.Choices.Choice[] choices =
        [
            new(Texts.Get(MessageKeys.Consent.OptionYes), Texts.Words(WordLists.ConsentYes)),
            new(Texts.Get(MessageKeys.Consent.OptionNo), Texts.Words(WordLists.ConsentNo)),
            new(Texts.Get(MessageKeys.Consent.OptionMore), Texts.Words(WordLists.ConsentMoreInfo)),
        ];
        var found = Conversation.Choices.ChoiceRecognizer.Recognize(Conversation.Prompts.PromptInput.GetText(turn.Activity), choices);
        return found.Count == 1 ? ConsentActions[found[0].Index] : null;
    }

    private async Task<IReadOnlyList<string>> WelcomeAsync(ITurnContext turn, OnboardingCardState state, string? action, CancellationToken cancellationToken)
    {
        if (action == OnboardingCards.ConsentMore)
        {
            await turn.SendActivityAsync(Texts.Get(MessageKeys.Consent.More), cancellationToken).ConfigureAwait(false);
            return [];
        }

        var agreed = action == OnboardingCards.Yes;
        await services.UpdateAsync(turn, p => p with { Consent = agreed, ConsentAt = services.Time.GetUtcNow(), Locale = p.Locale ?? turn.Activity.Locale }, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(Texts.Get(agreed ? MessageKeys.Consent.Thanks : MessageKeys.Consent.Declined), cancellationToken).ConfigureAwait(false);
        return [];
    }

    private async Task<IReadOnlyList<string>> AboutAsync(ITurnContext turn, OnboardingCardState state, JsonElement values, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var name = NameText.Clean(AdaptiveCards.GetString(values, "text_name"), Texts.Words(WordLists.NameLead));
        var age = AdaptiveCards.GetInt(values, "age");
        var pain = AdaptiveCards.GetInt(values, "basePain");
        var scoreText = AdaptiveCards.GetString(values, "activityScore");
        var score = AdaptiveCards.GetInt(values, "activityScore");
        AddIf(problems, string.IsNullOrEmpty(name), MessageKeys.Card.ErrorName);
        AddIf(problems, age is not (>= 12 and <= 110), MessageKeys.Card.ErrorAge);
        AddIf(problems, pain is not (>= 0 and <= 10), MessageKeys.Card.ErrorBasePain);
        AddIf(problems, scoreText is not null && score is not (>= 0 and <= 10), MessageKeys.Card.ErrorScore);
        if (problems.Count > 0)
        {
            return problems;
        }

        var activity = AdaptiveCards.GetString(values, "text_activity");
        state.Age = age;
        await services.UpdateAsync(turn, p => p with { Name = name, BaselinePain = pain, FunctionActivity = activity, FunctionScore = activity is null ? null : score }, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(Texts.Get(MessageKeys.Onboarding.NameThanks, ("name", name!)), cancellationToken).ConfigureAwait(false);
        return [];
    }

    private async Task<IReadOnlyList<string>> HealthAsync(ITurnContext turn, OnboardingCardState state, JsonElement values, CancellationToken cancellationToken)
    {
        var history = await services.History.GetAsync(turn, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false);
        var newPain = PreExerciseScreening.AgeAsksAboutNewPain(state.Age);
        var questions = RedFlagQuestions.All.Where(q => history.CancerHistory is null || !RedFlagQuestions.IsStaticHistory(q.Flag)).ToList();
        var surgery = AdaptiveCards.GetString(values, "surgery");
        var weeksText = AdaptiveCards.GetString(values, "surgeryWeeks");
        var weeks = AdaptiveCards.GetInt(values, "surgeryWeeks");
        var problems = new List<string>();
        var choices = ScreeningChoices.Concat(newPain ? ["newPain"] : []).Concat(questions.Select(q => CheckInCard.RedFlagField(q.Flag)));
        AddIf(problems, surgery is not ("surgery" or "injection" or OnboardingCards.No) || choices.Any(id => !OnboardingCards.Answered(values, id)), MessageKeys.Card.ErrorAnswerAll);
        AddIf(problems, weeksText is not null && weeks is not (>= 0 and <= PreExerciseScreening.RecentSurgeryWeeks), MessageKeys.Card.ErrorSurgeryWeeks);
        if (problems.Count > 0)
        {
            return problems;
        }

        var flags = questions.Where(q => OnboardingCards.IsYes(values, CheckInCard.RedFlagField(q.Flag))).Select(q => q.Flag).ToList();
        if (questions.Any(q => RedFlagQuestions.IsStaticHistory(q.Flag)) && AdaptiveCards.GetString(values, CheckInCard.RedFlagField(RedFlag.CancerHistory)) is OnboardingCards.Yes or OnboardingCards.No)
        {
            history.CancerHistory = AdaptiveCards.GetString(values, CheckInCard.RedFlagField(RedFlag.CancerHistory)) == OnboardingCards.Yes;
            await services.History.SetAsync(turn, history, cancellationToken).ConfigureAwait(false);
        }

        var answers = new ScreeningState
        {
            Age = state.Age,
            Surgery = surgery == "surgery",
            SurgeryWeeksAgo = surgery == "surgery" ? weeks ?? 0 : null, // unknown: the most cautious reading, as in text
            SpinalInjection = surgery == "injection",
            Pregnancy = OnboardingCards.IsYes(values, "pregnancy"),
            Bones = OnboardingCards.IsYes(values, "bones"),
            SpineCondition = OnboardingCards.IsYes(values, "spine"),
            GeneralHealth = OnboardingCards.IsYes(values, "health"),
            NewOrDifferentPain = newPain ? OnboardingCards.IsYes(values, "newPain") : null,
        };
        var result = await ScreeningDialog.RecordAsync(services, turn, answers, flags, cancellationToken).ConfigureAwait(false);
        if (result.Emergency)
        {
            await services.UpdateAsync(turn, p => p with { Onboarded = true }, cancellationToken).ConfigureAwait(false); // nothing else is asked
        }

        return [];
    }

    private async Task<IReadOnlyList<string>> StartBackAsync(ITurnContext turn, JsonElement values, CancellationToken cancellationToken)
    {
        var agree = Enumerable.Range(1, StartBack.AgreeItemCount).Select(i => AdaptiveCards.GetString(values, "sb" + i.ToString(CultureInfo.InvariantCulture))).ToList();
        var item9 = AdaptiveCards.GetInt(values, "sb9");
        if (agree.Any(a => a is not ("agree" or "disagree")) || item9 is not (>= 0 and <= 4))
        {
            return [MessageKeys.Card.ErrorAnswerAll];
        }

        await OnboardingDialog.RecordStartBackAsync(services, turn, StartBack.Score([.. agree.Select(a => a == "agree")], (Bothersomeness)item9.Value), cancellationToken).ConfigureAwait(false);
        return [];
    }

    private async Task<IReadOnlyList<string>> TrainingAsync(ITurnContext turn, JsonElement values, CancellationToken cancellationToken)
    {
        var equipment = OnboardingCards.EquipmentValues.Where(e => string.Equals(e.ToString(), AdaptiveCards.GetString(values, "equipment"), StringComparison.OrdinalIgnoreCase)).ToList();
        var experience = OnboardingCards.ExperienceValues.Where(e => string.Equals(e.ToString(), AdaptiveCards.GetString(values, "experience"), StringComparison.OrdinalIgnoreCase)).ToList();
        var lines = (AdaptiveCards.GetString(values, "text_exercises") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var exercises = lines.Select(ExerciseText.Parse).ToList();
        var problems = new List<string>();
        AddIf(problems, equipment.Count == 0 || experience.Count == 0, MessageKeys.Card.ErrorAnswerAll);
        AddIf(problems, exercises.Any(e => e is null), MessageKeys.Card.ErrorExercises);
        if (problems.Count > 0)
        {
            return problems;
        }

        var goals = AdaptiveCards.GetString(values, "text_goals");
        await services.UpdateAsync(turn, p => p with { Goals = goals }, cancellationToken).ConfigureAwait(false);
        if (goals is not null)
        {
            await turn.SendActivityAsync(Texts.Get(MessageKeys.Goals.Thanks), cancellationToken).ConfigureAwait(false);
        }

        var training = new TrainingState { Equipment = equipment[0], Experience = experience[0], Exercises = [.. exercises.OfType<Exercise>()] };
        await TrainingDialog.FinishAsync(services, turn, training, cancellationToken).ConfigureAwait(false);
        return [];
    }

    private async Task<IReadOnlyList<string>> ScheduleAsync(ITurnContext turn, JsonElement values, CancellationToken cancellationToken)
    {
        var days = ScheduleText.ParseDays((AdaptiveCards.GetString(values, "days") ?? string.Empty).Replace(',', ' '));
        var time = ScheduleText.ParseTime(AdaptiveCards.GetString(values, "time"));
        var zone = ScheduleText.ParseTimeZone(AdaptiveCards.GetString(values, "timeZone"));
        var problems = new List<string>();
        AddIf(problems, days.Count == 0, MessageKeys.Card.ErrorDays);
        AddIf(problems, time is null, MessageKeys.Card.ErrorTime);
        AddIf(problems, zone is null, MessageKeys.Card.ErrorTimeZone);
        if (problems.Count > 0)
        {
            return problems;
        }

        var schedule = new CheckInSchedule { Days = [.. days], LocalTime = time!.Value, TimeZone = zone! };
        var (dayNames, localTime) = await ScheduleDialog.SaveAsync(services, turn, schedule, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(Texts.Get(MessageKeys.Schedule.Confirm, ("days", dayNames), ("time", localTime), ("time_zone", zone!)), cancellationToken).ConfigureAwait(false);
        await OnboardingDialog.FinishAsync(services, turn, cancellationToken).ConfigureAwait(false);
        return [];
    }

    private async Task SendCardAsync(ITurnContext turn, OnboardingCardState state, CancellationToken cancellationToken)
    {
        var ledger = await services.Cards.GetAsync(turn, () => new CardLedger(), cancellationToken).ConfigureAwait(false);
        ledger.PendingCardId = state.Stage;
        ledger.PendingInstance = state.Instance;
        await services.Cards.SetAsync(turn, ledger, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(await BuildCardAsync(turn, state, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The card of <see cref="OnboardingCardState.Stage"/>, with what was entered.</summary>
    private async Task<Activity> BuildCardAsync(ITurnContext turn, OnboardingCardState state, CancellationToken cancellationToken)
    {
        var stamp = new CardStamp(state.Stage, CardIds.VersionOf(state.Stage), state.Instance);
        return state.Stage switch
        {
            CardIds.Welcome => OnboardingCards.Welcome(Texts, turn.Activity.Locale, stamp),
            CardIds.About => OnboardingCards.About(Texts, stamp, state.Values),
            CardIds.Health => OnboardingCards.Health(Texts, stamp, state.Values, state.Age, await CancerUnknownAsync(turn, cancellationToken).ConfigureAwait(false)),
            CardIds.StartBack => OnboardingCards.StartBackCard(Texts, stamp, state.Values),
            CardIds.Training => OnboardingCards.Training(Texts, stamp, state.Values),
            _ => OnboardingCards.Schedule(Texts, stamp, state.Values, ScheduleText.FromActivity(turn.Activity)),
        };
    }

    /// <summary>True while past cancer is not known (user state: read only when the health card needs it).</summary>
    private async Task<bool> CancerUnknownAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        (await services.History.GetAsync(turn, () => new HistoryAnswers(), cancellationToken).ConfigureAwait(false)).CancerHistory is null;

    private static void AddIf(List<string> problems, bool condition, string key)
    {
        if (condition)
        {
            problems.Add(key);
        }
    }
}
