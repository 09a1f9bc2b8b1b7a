using CoachBot.Protocol.Schema;

namespace CoachBot.Records;

/// <summary>Reads the transcripts the storage transcript logger wrote.</summary>
public interface ITranscriptReader
{
    /// <summary>The activities of one conversation, in logging order.</summary>
    Task<IReadOnlyList<Activity>> GetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);
}
