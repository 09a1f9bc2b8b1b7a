using CoachBot.Protocol.Schema;
using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>The latest conversation reference of each patient (<c>refs/{patientId}</c>), for proactive messages.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Stages the reference into the turn's batch (unconditional write).</summary>
    void Stage(IUnitOfWork unitOfWork, string patientId, ConversationReference reference);

    /// <summary>Writes the reference now.</summary>
    Task SaveAsync(string patientId, ConversationReference reference, CancellationToken cancellationToken = default);

    /// <summary>The stored reference, or null.</summary>
    Task<ConversationReference?> GetAsync(string patientId, CancellationToken cancellationToken = default);
}
