using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Safety;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Choices;
using CoachBot.Conversation.Prompts;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Shared;

/// <summary>
/// Runs <see cref="SafetyScreen"/> on every message, at every prompt, before any recognizer or dialog reads it. The
/// coaching core decides the rule ids, level and class of what it finds; this only acts on them. Self-harm language
/// and red flags that need a doctor today or emergency care interrupt whatever is running: the emergency or crisis
/// wording goes first (numbers for the patient's locale), the escalation is recorded for coaches with the rule ids
/// and the concepts that fired them, the active dialog is cancelled and no training content follows. General distress
/// gets a kind reply and a routine escalation, and the dialog carries on where it was. A symptom named without enough
/// for a rule ("numb") gets the targeted question(s) at once; the answer is screened together with that message, and
/// a yes or not sure counts as the red flag asked about; a no gets a thank-you and the question on screen again.
/// Inside a check-in every flagged message also goes to the coaching core as free text: kept with the answers when
/// the check-in carries on, or recorded at once with the answers given so far when the check-in has to stop.
/// </summary>
internal sealed class SafetyInterruption(DialogServices services, IStatePropertyAccessor<PendingSafetyQuestion> pendingQuestion) : IDialogInterruption
{
    /// <summary>The wording for each rule id, most urgent first.</summary>
    private static readonly (string RuleId, string Key)[] Wording =
    [
        (RuleTable.DS1, MessageKeys.Safety.CrisisImminent), (RuleTable.RF1, MessageKeys.Safety.RedFlagEmergency), (RuleTable.RF6, MessageKeys.Safety.AorticEmergency),
        (RuleTable.DS2, MessageKeys.Safety.Crisis), (RuleTable.RF2, MessageKeys.Safety.UrgentSeeDoctorToday), (RuleTable.RF3, MessageKeys.Safety.UrgentSeeDoctorToday), (RuleTable.RF4, MessageKeys.Safety.UrgentSeeDoctorToday),
        (RuleTable.DS3, MessageKeys.Safety.Distress),
    ];

    private readonly Choice[] _yesNoNotSure =
    [
        new("yes", services.Texts.Words(WordLists.SafetyQuestionYes)),
        new("no", services.Texts.Words(WordLists.SafetyQuestionNo)),
        new("not sure", services.Texts.Words(WordLists.NotSure)),
    ];

    public async Task<DialogTurnResult?> InterruptAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        var turn = dialogContext.Context;
        var text = Conversation.Cards.AdaptiveCards.FreeText(turn.Activity) ?? PromptInput.GetText(turn.Activity);
        var findings = SafetyScreen.Screen(services.Lexicon, text);
        if (await pendingQuestion.GetAsync(turn, cancellationToken).ConfigureAwait(false) is { } pending)
        {
            await pendingQuestion.DeleteAsync(turn, cancellationToken).ConfigureAwait(false);
            findings = findings.Any ? findings : Answer(pending, text);
            if (!findings.Any)
            {
                await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Safety.AskThanks), cancellationToken).ConfigureAwait(false);
                return await RepromptAsync(dialogContext, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!findings.Any)
        {
            return await AskAsync(dialogContext, findings, text, cancellationToken).ConfigureAwait(false);
        }

        var (messages, level, rules) = Classify(findings);
        if (messages.Count == 0)
        {
            // Night pain alone (RF-5): the check-in's red-flag screen deals with it, and the core reads the words.
            ActiveCheckIn.Update(dialogContext, s => Note(s, text, Escalation.None, hint: true));
            return null;
        }

        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        var crisis = services.Texts.CrisisArgs(patient.Locale ?? turn.Activity.Locale);
        foreach (var key in messages)
        {
            await turn.SendActivityAsync(services.Texts.Get(key, crisis), cancellationToken).ConfigureAwait(false);
        }

        await services.EscalateAsync(turn, level, rules, "safety screen: " + findings.Describe(), text, cancellationToken).ConfigureAwait(false);
        if (level == Escalation.Routine)
        {
            ActiveCheckIn.Update(dialogContext, s => Note(s, text, level, hint: findings.RedFlags.Count > 0));

            // The check-in card's free-text box: the rest of the card is still the answer, so it goes on with the note.
            return turn.Activity.IsCardSubmit() && ActiveCheckIn.IsCardCheckInRunning(dialogContext)
                ? null
                : await RepromptAsync(dialogContext, cancellationToken).ConfigureAwait(false);
        }

        if (await AnswersSoFarAsync(dialogContext, cancellationToken).ConfigureAwait(false) is { HasPainNow: true, Recorded: false } answers)
        {
            Note(answers, text, level, hint: true);
            await CheckInRecorder.RecordAsync(services, turn, answers, cancellationToken).ConfigureAwait(false);
        }

        var wasActive = dialogContext.ActiveDialog is not null;
        var result = await dialogContext.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        if (wasActive)
        {
            await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Safety.AfterAlert), cancellationToken).ConfigureAwait(false);
        }

        return result.Status == DialogTurnStatus.Empty ? new DialogTurnResult(DialogTurnStatus.Cancelled) : result;
    }

    /// <summary>
    /// The running check-in's answers; for a submit of the check-in card, the answers on the card when they are
    /// complete (the card is then answered: a second submit of it is not taken as a new check-in).
    /// </summary>
    private async Task<CheckInState?> AnswersSoFarAsync(DialogContext dialogContext, CancellationToken cancellationToken)
    {
        var answers = ActiveCheckIn.Read(dialogContext);
        var turn = dialogContext.Context;
        if (answers?.Card is not { } card || answers.HasPainNow || turn.Activity.Value is not { } values || !ActiveCheckIn.IsCardCheckInRunning(dialogContext))
        {
            return answers;
        }

        var ledger = await services.Cards.GetAsync(turn, () => new Cards.CardLedger(), cancellationToken).ConfigureAwait(false);
        ledger.MarkAnswered(card.Instance);
        await services.Cards.SetAsync(turn, ledger, cancellationToken).ConfigureAwait(false);
        if (CheckInCard.Read(card.Layout, values).Answers is not { } fromCard)
        {
            return answers;
        }

        fromCard.AnythingElse = null; // the box held the finding: it goes to the core as what was flagged, not as a note
        fromCard.SafetyNotes = answers.SafetyNotes;
        fromCard.RedFlagHint = answers.RedFlagHint;
        fromCard.Escalated = answers.Escalated;
        return fromCard;
    }

    /// <summary>
    /// The messages (most urgent first), the escalation level and the rule ids of what the core found. The level and
    /// the rule ids are the core's; only the wording is chosen here: one text per kind, the crisis text once, no
    /// see-a-doctor-today text beside emergency wording and no distress text beside anything more serious.
    /// </summary>
    public static (IReadOnlyList<string> Messages, Escalation Level, IReadOnlyList<string> Rules) Classify(SafetyFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var level = findings.Level;
        var messages = Wording.Where(w => findings.Fired(w.RuleId)).Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
        if (messages.Contains(MessageKeys.Safety.CrisisImminent))
        {
            messages.Remove(MessageKeys.Safety.Crisis);
        }

        if (level == Escalation.Emergency)
        {
            messages.Remove(MessageKeys.Safety.UrgentSeeDoctorToday);
        }

        if (level > Escalation.Routine)
        {
            messages.Remove(MessageKeys.Safety.Distress);
        }

        return (messages, level, findings.RuleIds);
    }

    /// <summary>The answer to a targeted question, read with the message that raised it; a yes or not sure is the flag.</summary>
    private SafetyFindings Answer(PendingSafetyQuestion pending, string? answer)
    {
        var together = SafetyScreen.Screen(services.Lexicon, pending.Text + "\n" + answer);
        if (together.Any)
        {
            return together with { Questions = [] };
        }

        var chosen = ChoiceRecognizer.Recognize(answer, _yesNoNotSure);
        if (chosen.Count != 1 || chosen[0].Index == 1)
        {
            return SafetyFindings.Empty;
        }

        var asked = services.Lexicon.Questions.Where(q => pending.Questions.Contains(q.Name));
        return new SafetyFindings { Findings = asked.SelectMany(q => SafetyScreen.Confirm(q).Findings).ToList() };
    }

    /// <summary>
    /// Asks the targeted question(s) for a symptom named without enough for a rule, and keeps the message for the
    /// answer. Not inside a check-in: its own red-flag screen asks the same questions.
    /// </summary>
    private async Task<DialogTurnResult?> AskAsync(DialogContext dialogContext, SafetyFindings findings, string? text, CancellationToken cancellationToken)
    {
        if (findings.Questions.Count == 0 || ActiveCheckIn.Read(dialogContext) is not null)
        {
            if (findings.Questions.Count > 0 && dialogContext.Context.Activity.IsCardSubmit())
            {
                // A symptom named in the check-in card's box: the card asks its red-flag questions.
                ActiveCheckIn.Update(dialogContext, s => s.RedFlagHint = true);
            }

            return null;
        }

        var turn = dialogContext.Context;
        foreach (var question in findings.Questions)
        {
            await turn.SendActivityAsync(services.Texts.Get(question.MessageKey), cancellationToken).ConfigureAwait(false);
        }

        var pending = new PendingSafetyQuestion { Text = text ?? string.Empty, Questions = [.. findings.Questions.Select(q => q.Name)] };
        await pendingQuestion.SetAsync(turn, pending, cancellationToken).ConfigureAwait(false);
        return Dialog.EndOfTurn;
    }

    private static async Task<DialogTurnResult> RepromptAsync(DialogContext dialogContext, CancellationToken cancellationToken)
    {
        if (dialogContext.ActiveDialog is not null)
        {
            await dialogContext.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        }

        return Dialog.EndOfTurn;
    }

    private static void Note(CheckInState answers, string? text, Escalation level, bool hint)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            answers.SafetyNotes.Add(text);
        }

        answers.RedFlagHint |= hint;
        answers.Escalated = level > answers.Escalated ? level : answers.Escalated;
    }
}
