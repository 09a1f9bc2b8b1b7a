using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Prompts;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Actions;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Dialogs.Education;
using CoachBot.Dialogs.Exercises;
using CoachBot.Dialogs.Onboarding;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs;

/// <summary>
/// The root: routes one message (or a proactive start) to onboarding, the check-in, lessons, the flare-up plan,
/// progress, "talk to a coach", help or stop. Begun per message when nothing is active; ends with its child.
/// </summary>
internal sealed class MainDialog : ComponentDialog
{
    private const string RouterId = "coachbot.main.router.v1";
    private readonly DialogServices _services;

    public MainDialog(DialogServices services)
        : base(DialogIds.Main)
    {
        _services = services;
        AddDialog(new WaterfallDialog<NoState>(RouterId, [RouteStepAsync, FinishStepAsync]));
        AddDialog(new OnboardingDialog(services));
        AddDialog(new OnboardingCardDialog(services));
        AddDialog(new ScreeningDialog(services));
        AddDialog(new FlareUpPlanDialog(services));
        AddDialog(new StartBackDialog(services));
        AddDialog(new TrainingDialog(services));
        AddDialog(new ScheduleDialog(services));
        AddDialog(new CheckInDialog(services));
        AddDialog(new CheckInCardDialog(services));
        AddDialog(new RedFlagScreenDialog(services));
        AddDialog(new PainTypesDialog(services));
        AddDialog(new LessonDialog(services));
        AddDialog(new TalkToCoachDialog(services));
        AddDialog(new StopCheckInsDialog(services));
        AddDialog(new RemindLaterDialog(services));
        AddDialog(new ScorePrompt(DialogIds.Prompts.Score, notSureWords: null));
        AddDialog(new ScorePrompt(DialogIds.Prompts.ScoreOrNotSure, services.Texts.Words(WordLists.NotSure)));
        AddDialog(new NumberPrompt<int>(DialogIds.Prompts.Count) { Min = 0, Max = 60 });
        AddDialog(new NumberPrompt<int>(DialogIds.Prompts.LessonNumber) { Min = 1, Max = 99 });
        AddDialog(new NumberPrompt<int>(DialogIds.Prompts.Age) { Min = 12, Max = 110 });
        AddDialog(new NumberPrompt<int>(DialogIds.Prompts.Weeks) { Min = 0, Max = PreExerciseScreening.RecentSurgeryWeeks });
        AddDialog(new ChoicePrompt(DialogIds.Prompts.Choice));
        AddDialog(new MultiChoicePrompt(DialogIds.Prompts.MultiChoice));
        AddDialog(new TextPrompt(DialogIds.Prompts.Text));
        AddDialog(new TextPrompt(DialogIds.Prompts.Days, (c, _) => Task.FromResult(c.Recognized.Succeeded && ScheduleText.ParseDays(c.Recognized.Value).Count > 0)));
        AddDialog(new TextPrompt(DialogIds.Prompts.Time, (c, _) => Task.FromResult(c.Recognized.Succeeded && ScheduleText.ParseTime(c.Recognized.Value) is not null)));
        AddDialog(new TextPrompt(DialogIds.Prompts.TimeZone, (c, _) => Task.FromResult(c.Recognized.Succeeded && ScheduleText.ParseTimeZone(c.Recognized.Value) is not null)));
        InitialDialogId = RouterId;
    }

    private async Task<DialogTurnResult> RouteStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var patient = await _services.GetAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var texts = _services.Texts;
        var intent = step.Context.Activity.IsMessage() ? IntentRecognizer.Recognize(_services.Texts, step.Context.Activity.Text) : Intent.None;
        if (patient.Consent == false && intent != Intent.Start)
        {
            await step.Context.SendActivityAsync(texts.Get(MessageKeys.Consent.Declined), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (!patient.Onboarded)
        {
            var onboarding = Conversation.Cards.AdaptiveCards.Supported(step.Context.Activity.ChannelId) ? DialogIds.OnboardingCards : DialogIds.Onboarding;
            return await step.BeginDialogAsync(onboarding, null, cancellationToken).ConfigureAwait(false);
        }

        if (step.Context.Activity.IsMessage() && patient.Clearance is { Pending: false, PatientTold: false } cleared && intent != Intent.DoctorSaidYes)
        {
            await _services.UpdateAsync(step.Context, p => p with { Clearance = cleared with { PatientTold = true } }, cancellationToken).ConfigureAwait(false);
            await step.Context.SendActivityAsync(texts.Get(MessageKeys.Clearance.ReleasedCoach), cancellationToken).ConfigureAwait(false);
            if (patient.Program is { } released)
            {
                await PlanMessages.SendAsync(_services, step.Context, released, patient.Experience, cancellationToken).ConfigureAwait(false);
            }
        }

        var options = step.GetOptions<MainOptions>();
        if (options?.ProactiveCheckIn == true || options?.CheckIn == true)
        {
            return await step.BeginDialogAsync(CheckInDialogId(step.Context), new CheckInOptions(Proactive: options.ProactiveCheckIn), cancellationToken).ConfigureAwait(false);
        }

        switch (intent)
        {
            case Intent.CheckIn:
                return await step.BeginDialogAsync(CheckInDialogId(step.Context), new CheckInOptions(Proactive: false), cancellationToken).ConfigureAwait(false);
            case Intent.Learn:
                return await step.BeginDialogAsync(DialogIds.Lesson, new LessonOptions(null), cancellationToken).ConfigureAwait(false);
            case Intent.WhyItHurts:
                var lesson = _services.Content.Lessons.Suggest([Content.LessonTopics.WhyItHurts], patient.LessonsSeen) ?? _services.Content.Lessons.Suggest([Content.LessonTopics.WhyItHurts]);
                return await step.BeginDialogAsync(DialogIds.Lesson, new LessonOptions(lesson?.Id), cancellationToken).ConfigureAwait(false);
            case Intent.RemindLater:
                return await step.BeginDialogAsync(DialogIds.RemindLater, null, cancellationToken).ConfigureAwait(false);
            case Intent.ChangeSchedule:
                await step.Context.SendActivityAsync(texts.Get(MessageKeys.Schedule.ChangeAsk), cancellationToken).ConfigureAwait(false);
                return await step.BeginDialogAsync(DialogIds.Schedule, null, cancellationToken).ConfigureAwait(false);
            case Intent.TalkToCoach:
                return await step.BeginDialogAsync(DialogIds.TalkToCoach, null, cancellationToken).ConfigureAwait(false);
            case Intent.Stop:
                return await step.BeginDialogAsync(DialogIds.StopCheckIns, null, cancellationToken).ConfigureAwait(false);
            case Intent.Start:
                await _services.UpdateAsync(step.Context, p => p with { CheckInsActive = true }, cancellationToken).ConfigureAwait(false);
                await step.Context.SendActivityAsync(texts.Get(MessageKeys.StopCheckins.Restarted), cancellationToken).ConfigureAwait(false);
                break;
            case Intent.Progress:
                await ProgressReport.SendAsync(_services, step.Context, patient, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.FlareUpReport:
                await FlareUpReport.StartAsync(_services, step.Context, patient, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.FlareUpPlan:
                return await step.BeginDialogAsync(DialogIds.FlareUpPlan, null, cancellationToken).ConfigureAwait(false);
            case Intent.HowTo:
                await ShowHowToAsync(step.Context, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.DoctorSaidYes:
                await ClearanceReport.RecordAsync(_services, step.Context, patient, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.Help:
                await HelpReply.SendAsync(_services, step.Context, cancellationToken).ConfigureAwait(false);
                break;
            default:
                if (step.Context.Activity.IsMessage() && _services.Content.Exercises.Match(step.Context.Activity.Text) is { } named)
                {
                    await ExerciseCards.SendAsync(_services, step.Context, named, cancellationToken).ConfigureAwait(false);
                }
                else if (step.Context.Activity.IsMessage())
                {
                    await step.Context.SendActivityAsync(texts.Get(MessageKeys.Fallback.NotUnderstood), cancellationToken).ConfigureAwait(false);
                }

                break;
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The card check-in on channels that render Adaptive Cards, else the text check-in.</summary>
    private static string CheckInDialogId(ITurnContext turn) =>
        Conversation.Cards.AdaptiveCards.Supported(turn.Activity.ChannelId) ? DialogIds.CheckInCard : DialogIds.CheckIn;

    private async Task ShowHowToAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (_services.Content.Exercises.Match(turn.Activity.Text) is { } guide)
        {
            await ExerciseCards.SendAsync(_services, turn, guide, cancellationToken).ConfigureAwait(false);
            return;
        }

        var texts = _services.Texts;
        var names = _services.Content.Exercises.All.Select(g => "- " + (Content.ExerciseMessages.TryGetLabel(texts.Catalog, g.Id) ?? g.Names[0]));
        await turn.SendActivityAsync(texts.Get(MessageKeys.Howto.NotFound, ("exercises", string.Join("\n", names))), cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(null, cancellationToken);
}
