using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Safety;
using CoachBot.Conversation;
using CoachBot.Conversation.Prompts;
using CoachBot.Dialogs.CheckIn;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Shared;

/// <summary>
/// Runs <see cref="SafetyScreen"/> on every message before any dialog sees it. Self-harm language and red flags
/// that need a doctor today or emergency care interrupt whatever is running: the emergency or crisis wording goes
/// first (numbers for the patient's locale), the escalation is recorded for coaches, the active dialog is
/// cancelled and no training content follows. General distress gets a kind reply and a routine escalation, and
/// the dialog carries on where it was. Inside a check-in every flagged message also goes to the coaching core as
/// free text: kept with the answers when the check-in carries on, or recorded at once with the answers given so
/// far when the check-in has to stop (so the core pauses the plan and the check-in is on record).
/// </summary>
internal sealed class SafetyInterruption(DialogServices services) : IDialogInterruption
{
    private static readonly RedFlag[] EmergencyFlags = [RedFlag.BladderBowel, RedFlag.SaddleNumbness, RedFlag.ProgressiveWeakness];
    private static readonly RedFlag[] UrgentFlags = [RedFlag.Fever, RedFlag.RecentTrauma, RedFlag.CancerHistory, RedFlag.UnexplainedWeightLoss];

    public async Task<DialogTurnResult?> InterruptAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        var turn = dialogContext.Context;
        var text = PromptInput.GetText(turn.Activity);
        var findings = SafetyScreen.Screen(services.Lexicon, text);
        if (!findings.Any)
        {
            return null;
        }

        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        var locale = patient.Locale ?? turn.Activity.Locale;
        var crisis = services.Texts.CrisisArgs(locale);
        var (messages, level, rules) = Classify(findings);
        if (level == Escalation.None)
        {
            // Night pain alone: the check-in's red-flag screen deals with it, and the core reads the words.
            ActiveCheckIn.Update(dialogContext, s => Note(s, text, level, hint: true));
            return null;
        }

        foreach (var key in messages)
        {
            await turn.SendActivityAsync(services.Texts.Get(key, crisis), cancellationToken).ConfigureAwait(false);
        }

        await services.EscalateAsync(turn, level, rules, "safety screen: " + findings.Describe(), text, cancellationToken).ConfigureAwait(false);
        if (level == Escalation.Routine)
        {
            ActiveCheckIn.Update(dialogContext, s => Note(s, text, level, hint: findings.RedFlags.Count > 0));
            await dialogContext.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        }

        if (ActiveCheckIn.Read(dialogContext) is { HasPainNow: true, Recorded: false } answers)
        {
            Note(answers, text, level, hint: true);
            await CheckInRecorder.RecordAsync(services, turn, answers, cancellationToken).ConfigureAwait(false);
        }

        var wasActive = dialogContext.ActiveDialog is not null;
        var result = await dialogContext.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        if (wasActive)
        {
            await turn.SendActivityAsync(services.Texts.Get(Keys.SafetyAfterAlert), cancellationToken).ConfigureAwait(false);
        }

        return result.Status == DialogTurnStatus.Empty ? new DialogTurnResult(DialogTurnStatus.Cancelled) : result;
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

    /// <summary>The messages (most urgent first), the escalation level and the rule ids for what was found.</summary>
    public static (IReadOnlyList<string> Messages, Escalation Level, IReadOnlyList<string> Rules) Classify(SafetyFindings findings)
    {
        var messages = new List<string>();
        var rules = new List<string>();
        var level = Escalation.None;
        void Add(string key, string rule, Escalation at)
        {
            messages.Add(key);
            rules.Add(rule);
            level = at > level ? at : level;
        }

        if (findings.SelfHarm == SelfHarmClass.Imminent)
        {
            Add(Keys.SafetyCrisisImminent, "DS-1", Escalation.Emergency);
        }

        if (findings.RedFlags.Any(f => EmergencyFlags.Contains(f)))
        {
            Add(Keys.SafetyRedFlagEmergency, "RF-1", Escalation.Emergency);
        }

        if (findings.AorticEmergency)
        {
            Add(Keys.SafetyAorticEmergency, "AORTIC", Escalation.Emergency);
        }

        if (findings.SelfHarm == SelfHarmClass.SelfHarm)
        {
            Add(Keys.SafetyCrisis, "DS-2", Escalation.Urgent);
        }

        if (findings.RedFlags.Any(f => UrgentFlags.Contains(f)) && level < Escalation.Emergency)
        {
            Add(Keys.SafetyUrgent, findings.RedFlags.Contains(RedFlag.Fever) ? "RF-2" : findings.RedFlags.Contains(RedFlag.RecentTrauma) ? "RF-3" : "RF-4", Escalation.Urgent);
        }

        if (findings.SelfHarm == SelfHarmClass.Distress && level == Escalation.None)
        {
            Add(Keys.SafetyDistress, "DS-3", Escalation.Routine);
        }

        return (messages, level, rules);
    }
}
