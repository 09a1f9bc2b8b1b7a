using CoachBot.Protocol.Turns;
using CoachBot.Storage;

namespace CoachBot.Protocol.State;

/// <summary>
/// A scope of bot state (conversation, user) stored as one JSON document per key in <see cref="IStorage"/>.
/// The turn pipeline loads every registered state in one read at the start of a turn and writes the
/// changed ones, with their ETags, in one batch at the end; dialogs and bots never call save themselves.
/// </summary>
public abstract class BotState
{
    private readonly string _cacheKey;

    /// <summary>Creates the state scope.</summary>
    /// <param name="storage">Where the documents live.</param>
    /// <param name="name">Scope name, used for the per-turn cache (e.g. <c>ConversationState</c>).</param>
    protected BotState(IStorage storage, string name)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Storage = storage;
        Name = name;
        _cacheKey = "BotState:" + name;
    }

    /// <summary>The scope name.</summary>
    public string Name { get; }

    /// <summary>The backing store.</summary>
    protected IStorage Storage { get; }

    /// <summary>The storage key for this turn, or null when the scope does not apply (e.g. no user id).</summary>
    public abstract string? GetStorageKey(ITurnContext turnContext);

    /// <summary>Creates a typed accessor for the named property.</summary>
    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new StatePropertyAccessor<T>(this, name);
    }

    /// <summary>Loads the document for this turn unless it is already loaded (or <paramref name="force"/>).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && turnContext.TurnState.ContainsKey(_cacheKey))
        {
            return;
        }

        var key = RequireKey(turnContext);
        var items = await Storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        SetLoaded(turnContext, key, items.TryGetValue(key, out var item) ? item : null);
    }

    /// <summary>
    /// Writes this scope now if it changed. The pipeline commits state at the end of every turn, so this is
    /// only for code that runs outside a turn pipeline.
    /// </summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var batch = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        CollectChanges(turnContext, batch, force);
        if (batch.Count == 0)
        {
            return;
        }

        var etags = await Storage.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        Committed(turnContext, batch, etags);
    }

    /// <summary>Empties the document for this turn; an empty object is written when the turn commits.</summary>
    public void ClearState(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = GetCached(turnContext);
        if (cached is null)
        {
            var key = RequireKey(turnContext);
            cached = new CachedBotState(key, new StoreItem("{}", "*"));
            turnContext.TurnState[_cacheKey] = cached;
        }

        cached.Clear();
    }

    /// <summary>Deletes the stored document immediately and forgets the cached copy.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var key = GetStorageKey(turnContext);
        turnContext.TurnState.Remove(_cacheKey);
        if (key is not null)
        {
            await Storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        }
    }

    internal CachedBotState? GetCached(ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(_cacheKey, out var value) ? (CachedBotState)value : null;

    internal async ValueTask<CachedBotState> GetOrLoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var cached = GetCached(turnContext);
        if (cached is null)
        {
            await LoadAsync(turnContext, force: true, cancellationToken).ConfigureAwait(false);
            cached = GetCached(turnContext)!;
        }

        return cached;
    }

    internal void SetLoaded(ITurnContext turnContext, string key, StoreItem? item) =>
        turnContext.TurnState[_cacheKey] = new CachedBotState(key, item);

    internal void CollectChanges(ITurnContext turnContext, Dictionary<string, StoreItem> batch, bool force = false)
    {
        var cached = GetCached(turnContext);
        var json = cached?.GetChangedJson(force);
        if (cached is not null && json is not null)
        {
            // A document never read from storage has no ETag: create-only, so a concurrent creator conflicts.
            batch.Add(cached.Key, new StoreItem(json, cached.ETag));
        }
    }

    internal void Committed(ITurnContext turnContext, IReadOnlyDictionary<string, StoreItem> batch, IReadOnlyDictionary<string, string> etags)
    {
        var cached = GetCached(turnContext);
        if (cached is not null && batch.TryGetValue(cached.Key, out var written) && etags.TryGetValue(cached.Key, out var etag))
        {
            cached.Committed(written.Json, etag);
        }
    }

    private string RequireKey(ITurnContext turnContext) =>
        GetStorageKey(turnContext)
        ?? throw new InvalidOperationException($"{Name} has no storage key for this activity (missing channelId, conversation or user id).");
}
