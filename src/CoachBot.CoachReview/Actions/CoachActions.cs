using System.Globalization;
using CoachBot.CoachReview.Audit;
using CoachBot.Coaching.Policy;
using CoachBot.Content;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Turns;
using CoachBot.Records;
using CoachBot.Storage;
using Microsoft.Extensions.Logging;

namespace CoachBot.CoachReview.Actions;

/// <summary>
/// What a coach can do: acknowledge or resolve an escalation, reply to the patient (proactively, into the patient's
/// stored conversation; the coach then holds the conversation and the bot stays quiet), hand the patient back to the
/// bot, and override the next check-in decision. Every action is written to the audit log, failures included.
/// </summary>
public sealed class CoachActions(
    IEscalationRepository escalations,
    IPatientRepository patients,
    IConversationReferenceStore references,
    BotAdapter adapter,
    CoachBotContent content,
    AuditLog audit,
    DocumentStore<ResolutionNote> notes,
    TimeProvider time,
    ILogger<CoachActions> logger)
{
    /// <summary>The storage collection of resolution notes.</summary>
    public const string NotesCollection = "coach-notes";

    /// <summary>Longest reply, note or reason accepted.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Marks an open escalation as seen.</summary>
    public async Task<ActionOutcome> AcknowledgeAsync(CoachIdentity coach, string escalationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var escalation = await escalations.GetAsync(escalationId, cancellationToken).ConfigureAwait(false);
        if (escalation is null)
        {
            return new ActionOutcome(ActionStatus.NotFound, "There is no such escalation.");
        }

        if (escalation.Status != EscalationStatus.Open)
        {
            return new ActionOutcome(ActionStatus.Invalid, $"This escalation is already {escalation.Status.ToString().ToLowerInvariant()}.");
        }

        return await ChangeStatusAsync(coach, escalation, EscalationStatus.Acknowledged, AuditActions.Acknowledge, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves an escalation with the coach's note.</summary>
    public async Task<ActionOutcome> ResolveAsync(CoachIdentity coach, string escalationId, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var text = note?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            return new ActionOutcome(ActionStatus.Invalid, $"Write a note of 1 to {MaxTextLength} characters to resolve.");
        }

        var escalation = await escalations.GetAsync(escalationId, cancellationToken).ConfigureAwait(false);
        if (escalation is null)
        {
            return new ActionOutcome(ActionStatus.NotFound, "There is no such escalation.");
        }

        if (escalation.Status == EscalationStatus.Resolved)
        {
            return new ActionOutcome(ActionStatus.Invalid, "This escalation is already resolved.");
        }

        var at = time.GetUtcNow();
        await notes.UpdateAsync(escalation.Id, _ => new ResolutionNote { EscalationId = escalation.Id, PatientId = escalation.PatientId, Note = text, Coach = coach.Email, At = at }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await ChangeStatusAsync(coach, escalation, EscalationStatus.Resolved, AuditActions.Resolve, text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The note of a resolved escalation, or null.</summary>
    public async Task<ResolutionNote?> GetNoteAsync(string escalationId, CancellationToken cancellationToken = default) =>
        (await notes.GetAsync(escalationId, cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>
    /// Sends the coach's words into the patient's conversation. The first reply also sets
    /// <see cref="PatientRecord.CoachHoldsConversation"/> and tells the patient a coach has joined. The record is
    /// committed with the turn; a channel failure is reported (the hold stays, so the bot stays quiet).
    /// </summary>
    public async Task<ActionOutcome> ReplyAsync(CoachIdentity coach, string patientId, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var message = text?.Trim();
        if (string.IsNullOrEmpty(message) || message.Length > MaxTextLength)
        {
            return new ActionOutcome(ActionStatus.Invalid, $"Write a reply of 1 to {MaxTextLength} characters.");
        }

        return await ContinueAsync(coach, patientId, AuditActions.Reply, AuditActions.ReplyFailed, message, async (turn, patient, ct) =>
        {
            if (!patient.CoachHoldsConversation || !string.Equals(patient.HoldingCoach, coach.Email, StringComparison.Ordinal))
            {
                patients.Stage(turn, patient with { CoachHoldsConversation = true, HoldingCoach = coach.Email });
                await turn.SendActivityAsync(Joined(coach), ct).ConfigureAwait(false);
            }

            await turn.SendActivityAsync(message, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hands the patient back to the bot: clears the hold and tells the patient.</summary>
    public async Task<ActionOutcome> HandBackAsync(CoachIdentity coach, string patientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var patient = await patients.GetAsync(patientId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (patient is { CoachHoldsConversation: false })
        {
            return new ActionOutcome(ActionStatus.Invalid, "No coach holds this conversation: the bot is already answering.");
        }

        return await ContinueAsync(coach, patientId, AuditActions.HandBack, AuditActions.HandBackFailed, null, async (turn, current, ct) =>
        {
            patients.Stage(turn, current with { CoachHoldsConversation = false, HoldingCoach = null });
            await turn.SendActivityAsync(HandedBack(coach), ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the decision the patient's next check-in will use instead of the coaching core's.</summary>
    public async Task<ActionOutcome> OverrideNextDecisionAsync(CoachIdentity coach, string patientId, string? decision, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coach);
        if (!Enum.TryParse<Decision>(decision, ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen) || int.TryParse(decision, CultureInfo.InvariantCulture, out _))
        {
            return new ActionOutcome(ActionStatus.Invalid, "Choose progress, hold or pause.");
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > MaxTextLength)
        {
            return new ActionOutcome(ActionStatus.Invalid, $"Give a reason of 1 to {MaxTextLength} characters.");
        }

        var decisionOverride = new DecisionOverride { Decision = chosen, Coach = coach.Email, Reason = why, At = time.GetUtcNow() };
        for (var attempt = 1; ; attempt++)
        {
            var patient = await patients.GetAsync(patientId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (patient is null)
            {
                return new ActionOutcome(ActionStatus.NotFound, "There is no such patient.");
            }

            try
            {
                await patients.SaveAsync(patient with { NextDecisionOverride = decisionOverride }, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (StorageConflictException) when (attempt < 5)
            {
                // The patient's record changed meanwhile (a turn): apply to the fresh one.
            }
        }

        await audit.RecordAsync(coach.Email, AuditActions.Override, patientId, detail: $"{chosen.ToString().ToLowerInvariant()}: {why}", cancellationToken: cancellationToken).ConfigureAwait(false);
        return ActionOutcome.Done;
    }

    /// <summary>
    /// Clears a patient held by the pre-exercise screening for training (clinical rules 9.1), with the coach's note;
    /// resolves the open clearance items with the same note. The bot tells the patient on their next message.
    /// </summary>
    public async Task<ActionOutcome> ClearForTrainingAsync(CoachIdentity coach, string patientId, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var why = note?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > MaxTextLength)
        {
            return new ActionOutcome(ActionStatus.Invalid, $"Write a note of 1 to {MaxTextLength} characters (who cleared it).");
        }

        PatientRecord? patient;
        for (var attempt = 1; ; attempt++)
        {
            patient = await patients.GetAsync(patientId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (patient is null)
            {
                return new ActionOutcome(ActionStatus.NotFound, "There is no such patient.");
            }

            if (patient.Clearance is not { Pending: true } held)
            {
                return new ActionOutcome(ActionStatus.Invalid, "Nothing is waiting for clearance for this patient.");
            }

            try
            {
                await patients.SaveAsync(patient with { Clearance = held with { ClearedAt = time.GetUtcNow(), ClearedBy = coach.Email, Note = why } }, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (StorageConflictException) when (attempt < 5)
            {
                // The patient's record changed meanwhile (a turn): apply to the fresh one.
            }
        }

        await audit.RecordAsync(coach.Email, AuditActions.ClearForTraining, patientId, detail: why, cancellationToken: cancellationToken).ConfigureAwait(false);
        var open = await escalations.ListAsync(patientId: patientId, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var item in open.Where(e => e.Status != EscalationStatus.Resolved && e.RuleIds.Contains(ClearanceRule)))
        {
            await ResolveAsync(coach, item.Id, "cleared for training: " + why, cancellationToken).ConfigureAwait(false);
        }

        return ActionOutcome.Done;
    }

    /// <summary>The rule id on a clearance item raised by the pre-exercise screening.</summary>
    public const string ClearanceRule = RuleTable.Clearance;

    private async Task<ActionOutcome> ChangeStatusAsync(CoachIdentity coach, EscalationRecord escalation, EscalationStatus status, string action, string? detail, CancellationToken cancellationToken)
    {
        try
        {
            await escalations.UpdateStatusAsync(escalation.Id, status, coach.Email, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConflictException)
        {
            return new ActionOutcome(ActionStatus.Failed, "Someone changed this escalation at the same moment. Look at it again and retry.");
        }

        await audit.RecordAsync(coach.Email, action, escalation.PatientId, escalation.Id, detail, cancellationToken).ConfigureAwait(false);
        return ActionOutcome.Done;
    }

    private async Task<ActionOutcome> ContinueAsync(
        CoachIdentity coach, string patientId, string action, string failedAction, string? detail,
        Func<ITurnContext, PatientRecord, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var patient = await patients.GetAsync(patientId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            return new ActionOutcome(ActionStatus.NotFound, "There is no such patient.");
        }

        var reference = await references.GetAsync(patientId, cancellationToken).ConfigureAwait(false);
        if (reference?.Conversation?.Id is null || string.IsNullOrEmpty(reference.ServiceUrl))
        {
            await audit.RecordAsync(coach.Email, failedAction, patientId, detail: Join(detail, "no stored conversation"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ActionOutcome(ActionStatus.Failed, "There is no stored conversation with this patient yet, so nothing was sent.");
        }

        try
        {
            await adapter.ContinueConversationAsync(reference, async (turn, ct) =>
            {
                var current = await patients.GetAsync(patientId, turn, ct).ConfigureAwait(false) ?? patient;
                await send(turn, current, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DeliveryFailedException or ConnectorException or ArgumentException or StorageConflictException)
        {
            logger.LogWarning(ex, "Coach {Action} for patient {PatientId} was not delivered.", action, patientId);
            var why = Describe(ex);
            await audit.RecordAsync(coach.Email, failedAction, patientId, detail: Join(detail, why), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ActionOutcome(ActionStatus.Failed, "The message did not reach the patient: " + why);
        }

        await audit.RecordAsync(coach.Email, action, patientId, detail: detail, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ActionOutcome.Done;
    }

    private string Joined(CoachIdentity coach) => coach.DisplayName is { Length: > 0 } name
        ? content.Messages.Format(MessageKeys.Coach.Joined, new Dictionary<string, string>(StringComparer.Ordinal) { ["coach_name"] = name })
        : content.Messages.Get(MessageKeys.Coach.JoinedUnnamed);

    private string HandedBack(CoachIdentity coach) => coach.DisplayName is { Length: > 0 } name
        ? content.Messages.Format(MessageKeys.Coach.HandedBack, new Dictionary<string, string>(StringComparer.Ordinal) { ["coach_name"] = name })
        : content.Messages.Get(MessageKeys.Coach.HandedBackUnnamed);

    private static string Describe(Exception ex)
    {
        var connector = ex as ConnectorException ?? ((ex as DeliveryFailedException)?.Failures is { Count: > 0 } failures ? failures[0].Error : null) ?? ex.InnerException as ConnectorException;
        if (connector is null)
        {
            return ex.Message;
        }

        var status = connector.StatusCode is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "no answer";
        var maybe = connector.MayHaveBeenDelivered ? " It may still have arrived." : string.Empty;
        return $"the channel answered {status}{(connector.ErrorCode is { } e ? " (" + e + ")" : string.Empty)}.{maybe}";
    }

    private static string Join(string? detail, string why) => detail is null ? why : detail + " | " + why;
}
