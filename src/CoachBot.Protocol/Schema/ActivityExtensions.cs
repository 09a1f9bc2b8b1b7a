namespace CoachBot.Protocol.Schema;

/// <summary>Small helpers over <see cref="Activity"/> used by the runtime.</summary>
public static class ActivityExtensions
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.ConversationUpdate,
        ActivityTypes.Typing,
        ActivityTypes.EndOfConversation,
        ActivityTypes.Event,
        ActivityTypes.Invoke,
        ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction,
        ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete,
        ActivityTypes.Trace,
    };

    /// <summary>True when <paramref name="type"/> is one of the activity types the runtime handles (spec A2014: others are ignored).</summary>
    public static bool IsKnownActivityType(string? type) => type is not null && KnownTypes.Contains(type);

    /// <summary>True for a <c>message</c> activity.</summary>
    public static bool IsMessage(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.Type, ActivityTypes.Message, StringComparison.Ordinal);
    }

    /// <summary>True for an <c>invoke</c> activity.</summary>
    public static bool IsInvoke(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal);
    }

    /// <summary>True for the event activities the runtime synthesises for proactive turns.</summary>
    public static bool IsSynthesizedEvent(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.Type, ActivityTypes.Event, StringComparison.Ordinal)
            && (string.Equals(activity.Name, ActivityEventNames.ContinueConversation, StringComparison.Ordinal)
                || string.Equals(activity.Name, ActivityEventNames.CreateConversation, StringComparison.Ordinal));
    }

    /// <summary>
    /// A card submit: a message with no text whose <c>value</c> is a JSON object (an Adaptive Card
    /// <c>Action.Submit</c> with object data).
    /// </summary>
    public static bool IsCardSubmit(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.IsMessage()
            && string.IsNullOrWhiteSpace(activity.Text)
            && activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object };
    }

    /// <summary>
    /// A shallow copy: the top-level fields are copied, nested objects are shared except
    /// <see cref="Activity.From"/>, which is copied so that its role can be set on the copy.
    /// </summary>
    public static Activity ShallowCopy(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = activity.Type,
            Id = activity.Id,
            Timestamp = activity.Timestamp,
            LocalTimestamp = activity.LocalTimestamp,
            LocalTimezone = activity.LocalTimezone,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            From = activity.From is null ? null : new ChannelAccount
            {
                Id = activity.From.Id,
                Name = activity.From.Name,
                AadObjectId = activity.From.AadObjectId,
                Role = activity.From.Role,
                ExtensionData = activity.From.ExtensionData,
            },
            Conversation = activity.Conversation,
            Recipient = activity.Recipient,
            TextFormat = activity.TextFormat,
            AttachmentLayout = activity.AttachmentLayout,
            MembersAdded = activity.MembersAdded,
            MembersRemoved = activity.MembersRemoved,
            Locale = activity.Locale,
            Text = activity.Text,
            Speak = activity.Speak,
            InputHint = activity.InputHint,
            Summary = activity.Summary,
            SuggestedActions = activity.SuggestedActions,
            Attachments = activity.Attachments,
            Entities = activity.Entities,
            ChannelData = activity.ChannelData,
            Action = activity.Action,
            ReplyToId = activity.ReplyToId,
            Name = activity.Name,
            Value = activity.Value,
            RelatesTo = activity.RelatesTo,
            Code = activity.Code,
            DeliveryMode = activity.DeliveryMode,
            CallerId = activity.CallerId,
            ExtensionData = activity.ExtensionData,
        };
    }
}
