using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity: the one message shape every channel and the bot exchange.
/// Only the fields CoachBot reads or writes are typed; every other field is kept in
/// <see cref="ExtensionData"/> so that it round-trips unchanged (activity spec A2005).
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type (see <see cref="ActivityTypes"/>). Compared ordinally.</summary>
    public string? Type { get; set; }

    /// <summary>Id assigned by the channel. Bots do not set it on outgoing activities.</summary>
    public string? Id { get; set; }

    /// <summary>UTC time the channel recorded the activity.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The sender's local time, with its offset preserved.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA time zone name of the sender, when the client sends it (Web Chat does).</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Base URL for replies to this conversation.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Channel id: msteams, directline, webchat, emulator, test...</summary>
    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? AttachmentLayout { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? Speak { get; set; }

    /// <summary>acceptingInput, expectingInput or ignoringInput (see <see cref="InputHints"/>).</summary>
    public string? InputHint { get; set; }

    public string? Summary { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public List<Entity>? Entities { get; set; }

    /// <summary>Channel-specific payload, kept as raw JSON.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>installationUpdate action: add, remove, add-upgrade, remove-upgrade.</summary>
    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    /// <summary>Name of an event or invoke activity.</summary>
    public string? Name { get; set; }

    /// <summary>Free-form value: card submit data, event and invoke parameters.</summary>
    public JsonElement? Value { get; set; }

    public ConversationReference? RelatesTo { get; set; }

    /// <summary>endOfConversation code.</summary>
    public string? Code { get; set; }

    public string? DeliveryMode { get; set; }

    /// <summary>Never trusted from the wire; set by the bot after authentication.</summary>
    public string? CallerId { get; set; }

    /// <summary>Every field the schema does not type, kept so it round-trips.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>A message activity with the given text.</summary>
    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>A typing indicator.</summary>
    public static Activity CreateTyping() => new() { Type = ActivityTypes.Typing };

    /// <summary>The reference a later proactive message needs to reach this conversation.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = IsConversationUpdateOnDirectLine() ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>
    /// Addresses this (outgoing) activity to the conversation in <paramref name="reference"/>:
    /// from = bot, recipient = user, replyToId = the referenced activity when it is a reply.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            Id ??= reference.ActivityId;
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            if (reference.ActivityId is not null)
            {
                ReplyToId = reference.ActivityId;
            }
        }

        return this;
    }

    /// <summary>A reply addressed back to the sender of this activity.</summary>
    public Activity CreateReply(string? text = null)
    {
        var reply = CreateMessage(text);
        reply.ApplyConversationReference(GetConversationReference());
        reply.ReplyToId = Id;
        reply.Locale = Locale;
        return reply;
    }

    private bool IsConversationUpdateOnDirectLine() =>
        string.Equals(Type, ActivityTypes.ConversationUpdate, StringComparison.Ordinal)
        && (string.Equals(ChannelId, Channels.DirectLine, StringComparison.Ordinal)
            || string.Equals(ChannelId, Channels.WebChat, StringComparison.Ordinal));
}
