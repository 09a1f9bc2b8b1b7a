using CoachBot.Conversation;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Records;

namespace CoachBot.Dialogs;

/// <summary>
/// The patient-facing bot. Every turn stores the conversation reference; every message is screened for safety
/// before any dialog continues; first contact (conversationUpdate, installationUpdate or the first message) starts
/// onboarding; while a coach holds the conversation the bot answers only safety messages.
/// </summary>
public sealed class CoachBotBot : IBot
{
    /// <summary>
    /// How stale the patient record's <c>LastSeenAt</c> may get before a message writes it again. The record is
    /// several kilobytes, so it is not rewritten on every message of a check-in only to move this time on; a message
    /// after a proactive check-in turn always writes it (the scheduler compares it with the time it sent).
    /// </summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);

    private readonly DialogServices _services;
    private readonly IConversationReferenceStore _references;
    private readonly DialogSet _dialogs;
    private readonly SafetyInterruption _safety;
    private readonly Cards.CardGuard _cards;
    private readonly IStatePropertyAccessor<DateTimeOffset?> _lastMessageAt;
    private readonly IStatePropertyAccessor<DateTimeOffset?> _proactiveCheckInAt;
    private readonly IStatePropertyAccessor<DateTimeOffset?> _proactiveTurnAt;

    internal CoachBotBot(DialogServices services, ConversationState conversationState, IConversationReferenceStore references)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _services = services;
        _references = references;
        _lastMessageAt = conversationState.CreateProperty<DateTimeOffset?>("LastMessageAt");
        _proactiveCheckInAt = conversationState.CreateProperty<DateTimeOffset?>("ProactiveCheckInAt");
        _proactiveTurnAt = conversationState.CreateProperty<DateTimeOffset?>("ProactiveTurnAt");
        _dialogs = new DialogSet(conversationState.CreateProperty<DialogState>(DialogRunner.DefaultStateProperty));
        _dialogs.Add(new MainDialog(services));
        _safety = new SafetyInterruption(services, conversationState.CreateProperty<PendingSafetyQuestion>("SafetyQuestion"));
        _dialogs.Interruptions.Add(_safety);
        _cards = new Cards.CardGuard(services);
        _dialogs.Interruptions.Add(_cards);
        _dialogs.Interruptions.Add(new CommandInterruption(services));
        _dialogs.Interruptions.Add(new ResumeInterruption(services, _lastMessageAt));
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        StoreReference(turnContext);
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (activity.IsMessage())
        {
            await OnMessageAsync(turnContext, dc, cancellationToken).ConfigureAwait(false);
            await _lastMessageAt.SetAsync(turnContext, _services.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await MarkSeenAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        else if (IsFirstContact(activity) && dc.ActiveDialog is null)
        {
            var patient = await _services.GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
            if (!patient.Onboarded && patient.Consent != false)
            {
                await dc.BeginDialogAsync(DialogIds.Main, new MainOptions(ProactiveCheckIn: false), cancellationToken).ConfigureAwait(false);
            }
        }
        else if (activity.IsSynthesizedEvent() && string.Equals(activity.Name, ActivityEventNames.ContinueConversation, StringComparison.Ordinal))
        {
            await BeginCheckInAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts the check-in in a proactive turn (pass this as the callback of
    /// <c>BotAdapter.ContinueConversationAsync</c>). Does nothing before onboarding is done, after the patient said
    /// stop, while a coach holds the conversation, or while another dialog is running, except one: a check-in begun
    /// here that the patient has not written to since is begun afresh. Its opening may never have reached them (the
    /// channel answered 429 after the connector's retries, and the scheduler runs the turn again), or they let it
    /// lapse until the next check-in came due; either way nothing of it was answered, and leaving it waiting would
    /// send nothing at all.
    /// </summary>
    public async Task BeginCheckInAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        // Whatever happens below, the scheduler counts this turn as its send: the patient's next message must
        // move LastSeenAt past it (see MarkSeenAsync).
        await _proactiveTurnAt.SetAsync(turnContext, _services.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var patient = await _services.GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (!patient.Onboarded || !patient.CheckInsActive || patient.CoachHoldsConversation)
        {
            return;
        }

        if (dc.ActiveDialog is not null)
        {
            if (!await IsUnansweredProactiveCheckInAsync(turnContext, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await _proactiveCheckInAt.SetAsync(turnContext, _services.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await dc.BeginDialogAsync(DialogIds.Main, new MainOptions(ProactiveCheckIn: true), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the running dialog is a check-in begun proactively, with no message from the patient since.</summary>
    private async Task<bool> IsUnansweredProactiveCheckInAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var begun = await _proactiveCheckInAt.GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var lastMessage = await _lastMessageAt.GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return begun is DateTimeOffset at && (lastMessage is not DateTimeOffset last || last < at);
    }

    private async Task OnMessageAsync(ITurnContext turnContext, DialogContext dc, CancellationToken cancellationToken)
    {
        var patient = await _services.GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (patient.CoachHoldsConversation || dc.ActiveDialog is null)
        {
            // The dialog context runs interruptions only over an active dialog: screen here otherwise.
            var handled = await _safety.InterruptAsync(dc, cancellationToken).ConfigureAwait(false);
            if (handled is not null || patient.CoachHoldsConversation)
            {
                return;
            }

            if (await _cards.InterruptAsync(dc, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }

            await dc.BeginDialogAsync(DialogIds.Main, new MainOptions(ProactiveCheckIn: false), cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            await dc.BeginDialogAsync(DialogIds.Main, new MainOptions(ProactiveCheckIn: false), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A message from a patient who agreed to be coached: they were seen now and can be reached again (the scheduler
    /// reads both: a reply counts as an answer to a check-in, and a patient marked unreachable after a 403 is back).
    /// The record is written when the patient was unreachable, when this is their first message since a proactive
    /// check-in turn, or when <c>LastSeenAt</c> is <see cref="SeenResolution"/> old; otherwise it is already true
    /// enough and the turn does not rewrite the whole record for it.
    /// </summary>
    private async Task MarkSeenAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var patient = await _services.GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (patient.Consent != true)
        {
            return;
        }

        var now = _services.Time.GetUtcNow();
        var proactiveTurnAt = await _proactiveTurnAt.GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var current = patient.Reachable
            && patient.LastSeenAt is { } seen
            && now - seen < SeenResolution
            && (proactiveTurnAt is not { } sent || seen >= sent);
        if (!current)
        {
            _services.Patients.Stage(turnContext, patient with { LastSeenAt = now, Reachable = true });
        }
    }

    private void StoreReference(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        if (activity.IsSynthesizedEvent() || string.IsNullOrEmpty(activity.From?.Id) || string.IsNullOrEmpty(activity.ChannelId))
        {
            return;
        }

        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        _references.Stage(turnContext, PatientAccess.PatientIdOf(turnContext), reference);
    }

    private static bool IsFirstContact(Activity activity) =>
        (string.Equals(activity.Type, ActivityTypes.ConversationUpdate, StringComparison.Ordinal)
            && activity.MembersAdded?.Any(m => !string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true)
        || (string.Equals(activity.Type, ActivityTypes.InstallationUpdate, StringComparison.Ordinal)
            && activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true);
}
