using CoachBot.Protocol.Schema;
using CoachBot.Testing;

namespace CoachBot.Scheduling.Tests.Support;

internal static class Sends
{
    /// <summary>Message activities with <paramref name="text"/> sent to conversation <c>conv-{user}</c>.</summary>
    public static int Count(RecordingConnectorClient connector, string userId, string text = SchedulerInstance.CheckInText) =>
        connector.Sent.Count(a => string.Equals(a.Type, ActivityTypes.Message, StringComparison.Ordinal)
            && string.Equals(a.Conversation?.Id, "conv-" + userId, StringComparison.Ordinal)
            && string.Equals(a.Text, text, StringComparison.Ordinal));

    public static int Messages(RecordingConnectorClient connector) =>
        connector.Sent.Count(a => string.Equals(a.Type, ActivityTypes.Message, StringComparison.Ordinal));
}
