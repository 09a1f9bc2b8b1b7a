using CoachBot.Content;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs.Actions;

/// <summary>The help menu and the emergency reminder.</summary>
internal static class HelpReply
{
    public static async Task SendAsync(DialogServices services, ITurnContext turn, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Help.Menu), cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Help.EmergencyReminder, ("emergency_number", services.Texts.EmergencyNumber(turn.Activity.Locale))), cancellationToken).ConfigureAwait(false);
    }
}
