namespace CoachBot.Channels.Teams;

/// <summary>Why Teams refused to deliver a message (403 bodies), as far as it matters to the bot.</summary>
public enum TeamsSendFailure
{
    /// <summary>Not a recognised permanent refusal.</summary>
    None,

    /// <summary>The app is not installed for the user or conversation (removed).</summary>
    BotNotInConversationRoster,

    /// <summary>The user blocked the bot.</summary>
    ConversationBlockedByUser,

    /// <summary>Writes are blocked (user blocked or uninstalled; Teams subCode).</summary>
    MessageWritesBlocked,

    /// <summary>A tenant admin disabled the app.</summary>
    BotDisabledByAdmin,
}
