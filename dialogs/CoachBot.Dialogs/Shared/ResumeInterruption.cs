using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Shared;

/// <summary>
/// A patient who went quiet mid-dialog and comes back after <see cref="QuietGap"/> is welcomed back and asked the
/// pending question again (their first message back is not taken as an answer).
/// </summary>
internal sealed class ResumeInterruption(DialogServices services, IStatePropertyAccessor<DateTimeOffset?> lastMessageAt) : IDialogInterruption
{
    /// <summary>How long a silence counts as "went quiet". 12 hours.</summary>
    public static readonly TimeSpan QuietGap = TimeSpan.FromHours(12);

    public async Task<DialogTurnResult?> InterruptAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        var turn = dialogContext.Context;
        var last = await lastMessageAt.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        if (last is not DateTimeOffset before || services.Time.GetUtcNow() - before < QuietGap)
        {
            return null;
        }

        var patient = await services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Resuming.WelcomeBack, ("name", PatientAccess.NameOf(patient, turn))), cancellationToken).ConfigureAwait(false);
        await dialogContext.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return Dialog.EndOfTurn;
    }
}
