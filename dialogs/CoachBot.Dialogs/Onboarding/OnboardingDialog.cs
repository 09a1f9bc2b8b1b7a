using CoachBot.Coaching.Screening;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>
/// Welcome and onboarding: what CoachBot is and is not, consent, name, the pre-exercise screening, baseline pain and
/// function, STarT Back, goals, training, the schedule and the safety-netting text. Every answer is staged into the patient record
/// at once, and the dialog stack is persisted, so a patient who stops carries on where they left off.
/// </summary>
internal sealed class OnboardingDialog : WaterfallDialog<OnboardingState>
{
    private readonly DialogServices _services;

    public OnboardingDialog(DialogServices services)
        : base(DialogIds.Onboarding)
    {
        _services = services;
        AddStep(AskConsentStepAsync);
        AddStep(RecordConsentStepAsync);
        AddStep(RecordNameStepAsync);
        AddStep(RecordScreeningStepAsync);
        AddStep(RecordBaselinePainStepAsync);
        AddStep(RecordFunctionActivityStepAsync);
        AddStep(RecordFunctionScoreStepAsync);
        AddStep(RecordStartBackStepAsync);
        AddStep(RecordGoalsStepAsync);
        AddStep(RecordTrainingStepAsync);
        AddStep(RecordScheduleStepAsync);
    }

    private Texts Texts => _services.Texts;

    private async Task<DialogTurnResult> AskConsentStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<OnboardingOptions>();
        if (options?.Consented == true)
        {
            // Agreed on the welcome card, then typed instead of tapping: on with the questions one at a time.
            return await step.NextAsync(new Conversation.Choices.FoundChoice(Texts.Get(MessageKeys.Consent.OptionYes), 0, 1), cancellationToken).ConfigureAwait(false);
        }

        if (options?.Welcomed == true)
        {
            return await PromptConsentAsync(step, cancellationToken).ConfigureAwait(false); // the welcome card said the rest
        }

        var emergency = Texts.EmergencyNumber(step.Context.Activity.Locale);
        foreach (var text in new[] { Texts.Get(MessageKeys.Welcome.Hello), Texts.Get(MessageKeys.Welcome.WhatIDo), Texts.Get(MessageKeys.Welcome.WhatIAmNot), Texts.Get(MessageKeys.Welcome.EmergencyInfo, ("emergency_number", emergency)), Texts.Get(MessageKeys.Welcome.HowLong) })
        {
            await step.Context.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
        }

        return await PromptConsentAsync(step, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordConsentStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        var chosen = Ask.ChosenIndex(step.Result);
        if (chosen == 2)
        {
            await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Consent.More), cancellationToken).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(Id, null, cancellationToken).ConfigureAwait(false);
        }

        if (step.GetOptions<OnboardingOptions>()?.Consented != true)
        {
            // (Consent given on the welcome card is recorded and thanked for there.)
            var agreed = chosen == 0;
            await _services.UpdateAsync(step.Context, p => p with { Consent = agreed, ConsentAt = _services.Time.GetUtcNow(), Locale = p.Locale ?? step.Context.Activity.Locale }, cancellationToken).ConfigureAwait(false);
            if (!agreed)
            {
                await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Consent.Declined), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Consent.Thanks), cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(DialogIds.Prompts.Text, Ask.Text(Texts, MessageKeys.Onboarding.AskName, MessageKeys.Retry.Name), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordNameStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        var name = NameText.Clean(step.Result as string, Texts.Words(WordLists.NameLead)) ?? step.Context.Activity.From?.Name ?? string.Empty;
        await _services.UpdateAsync(step.Context, p => p with { Name = name }, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Onboarding.NameThanks, ("name", name)), cancellationToken).ConfigureAwait(false);
        return await step.BeginDialogAsync(DialogIds.Screening, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordScreeningStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        if (step.Result is ScreeningResult { Emergency: true })
        {
            // Go to the emergency department now: nothing else is asked. The coach has the emergency item.
            await _services.UpdateAsync(step.Context, p => p with { Onboarded = true }, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(DialogIds.Prompts.Score, Ask.Text(Texts, MessageKeys.Onboarding.AskBaselinePain, MessageKeys.Retry.PainScore), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordBaselinePainStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        await GiveUpKindlyAsync(step, cancellationToken).ConfigureAwait(false);
        var pain = (step.Result as ScoreAnswer)?.Value;
        await _services.UpdateAsync(step.Context, p => p with { BaselinePain = pain }, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(DialogIds.Prompts.Text, Ask.Text(Texts, MessageKeys.Onboarding.AskFunctionActivity, MessageKeys.Retry.Choice), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordFunctionActivityStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        step.State.Activity = (step.Result as string)?.Trim();
        if (string.IsNullOrEmpty(step.State.Activity))
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        await _services.UpdateAsync(step.Context, p => p with { FunctionActivity = step.State.Activity }, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(DialogIds.Prompts.Score, Ask.Text(Texts, MessageKeys.Onboarding.AskFunctionScore, MessageKeys.Retry.PainScore, ("activity", step.State.Activity)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordFunctionScoreStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        await GiveUpKindlyAsync(step, cancellationToken).ConfigureAwait(false);
        var score = (step.Result as ScoreAnswer)?.Value;
        await _services.UpdateAsync(step.Context, p => p with { FunctionScore = score }, cancellationToken).ConfigureAwait(false);
        return await step.BeginDialogAsync(DialogIds.StartBack, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordStartBackStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        if (step.Result is StartBackResult result)
        {
            await RecordStartBackAsync(_services, step.Context, result, cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Goals.Ask), cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(DialogIds.Prompts.Text, Ask.Text(Texts, MessageKeys.Goals.Examples, MessageKeys.Goals.Examples), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordGoalsStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        var goals = (step.Result as string)?.Trim();
        await _services.UpdateAsync(step.Context, p => p with { Goals = goals }, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Goals.Thanks), cancellationToken).ConfigureAwait(false);
        return await step.BeginDialogAsync(DialogIds.Training, null, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> RecordTrainingStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken) =>
        step.BeginDialogAsync(DialogIds.Schedule, null, cancellationToken);

    private async Task<DialogTurnResult> RecordScheduleStepAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        await FinishAsync(_services, step.Context, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the STarT Back result, thanks the patient and, for high risk, raises the routine escalation and says so.</summary>
    public static async Task RecordStartBackAsync(DialogServices services, ITurnContext turn, StartBackResult result, CancellationToken cancellationToken)
    {
        await services.UpdateAsync(turn, p => p with { StartBack = result }, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Startback.Thanks), cancellationToken).ConfigureAwait(false);
        if (StartBack.Finding(result) is { } finding)
        {
            await services.EscalateAsync(turn, finding.Escalation, [finding.RuleId], finding.Reason, null, cancellationToken).ConfigureAwait(false);
            await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Startback.HighSupport), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Onboarding is done: the safety-netting text and the goodbye.</summary>
    public static async Task FinishAsync(DialogServices services, ITurnContext turn, CancellationToken cancellationToken)
    {
        var patient = await services.UpdateAsync(turn, p => p with { Onboarded = true, LastSafetyNetAt = services.Time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Safety.Netting), cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Onboarding.Done, ("name", PatientAccess.NameOf(patient, turn))), cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> PromptConsentAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(
            DialogIds.Prompts.Choice,
            Ask.Choices(Texts, MessageKeys.Consent.Ask, MessageKeys.Retry.Choice, [(MessageKeys.Consent.OptionYes, WordLists.ConsentYes), (MessageKeys.Consent.OptionNo, WordLists.ConsentNo), (MessageKeys.Consent.OptionMore, WordLists.ConsentMoreInfo)]),
            cancellationToken);

    private async Task GiveUpKindlyAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        if (step.IsNoAnswer)
        {
            await step.Context.SendActivityAsync(Texts.Get(MessageKeys.Retry.GivingUp), cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>How the text onboarding begins.</summary>
/// <param name="Consented">True when the patient already agreed on the welcome card (consent is not asked again).</param>
/// <param name="Welcomed">True when the welcome card is on screen (only the consent question is asked, not the whole welcome).</param>
internal sealed record OnboardingOptions(bool Consented, bool Welcomed = false);
