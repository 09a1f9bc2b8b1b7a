using CoachBot.Protocol.Schema;
using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>The <see cref="IConversationReferenceStore"/> over <see cref="RecordStore"/> (Bot Framework JSON, tenant kept).</summary>
internal sealed class ConversationReferenceStore(RecordStore store) : IConversationReferenceStore
{
    public void Stage(IUnitOfWork unitOfWork, string patientId, ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        store.Stage(unitOfWork, RecordKeys.Reference(patientId), reference, "*");
    }

    public Task SaveAsync(string patientId, ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return store.WriteAsync(RecordKeys.Reference(patientId), reference, "*", cancellationToken);
    }

    public async Task<ConversationReference?> GetAsync(string patientId, CancellationToken cancellationToken = default) =>
        (await store.ReadAsync<ConversationReference>(RecordKeys.Reference(patientId), null, cancellationToken).ConfigureAwait(false)).Value;
}
