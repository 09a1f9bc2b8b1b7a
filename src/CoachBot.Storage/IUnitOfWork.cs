namespace CoachBot.Storage;

/// <summary>
/// Writes that are committed together in one storage batch, with a cache that lives as long as the unit. In the bot a
/// unit is one turn: the records a turn stages are written with its conversation state, or not at all.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Objects cached for this unit (for example records already read). Empty again if the unit is re-run.</summary>
    IDictionary<string, object> Items { get; }

    /// <summary>Adds a write to the unit's batch.</summary>
    void Stage(string key, StoreItem item);

    /// <summary>Runs <paramref name="callback"/> after this unit commits; never if it does not.</summary>
    void OnCommitted(Action callback);

    /// <summary>The ETag a staged write got when the unit committed, or null; meant for <see cref="OnCommitted"/> callbacks.</summary>
    string? CommittedETag(string key);
}
