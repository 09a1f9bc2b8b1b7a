using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Storage;
using Microsoft.Extensions.Logging;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// Loads the turn's state (all scopes in one read), runs the rest of the turn with message replies
/// buffered, commits every changed state document plus the bot's staged records in ONE write batch with
/// ETags, and only then delivers the buffered replies. If the batch loses an optimistic-concurrency race
/// the turn is re-run from freshly loaded state (up to <paramref name="maxAttempts"/> times) and then the
/// conflict is reported. So a reply is never sent for state that was not saved, and two overlapping turns
/// (e.g. on two instances) cannot silently overwrite each other.
/// </summary>
internal sealed class TurnStateMiddleware(IStorage storage, IReadOnlyList<BotState> states, int maxAttempts, ILogger<TurnStateMiddleware> logger, BotMetrics? metrics = null) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextHandler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nextHandler);
        var context = (TurnContext)turnContext;
        for (var attempt = 1; ; attempt++)
        {
            context.BeginAttempt();
            context.BufferReplies = true;
            try
            {
                await StoreStepAsync(() => LoadAsync(context, cancellationToken), "read", cancellationToken).ConfigureAwait(false);
                await nextHandler(cancellationToken).ConfigureAwait(false);
                await StoreStepAsync(() => CommitAsync(context, cancellationToken), "saved", cancellationToken).ConfigureAwait(false);
                context.RunCommitted(ex => logger.LogError(ex, "A commit callback failed."));
            }
            catch (StorageConflictException ex) when (attempt < maxAttempts)
            {
                metrics?.StateConflict();
                logger.LogInformation("State conflict on {Key} (attempt {Attempt} of {Max}); re-running the turn from fresh state.", ex.Key, attempt, maxAttempts);
                continue;
            }
            catch (StorageConflictException)
            {
                metrics?.StateConflict();
                throw;
            }
            finally
            {
                context.BufferReplies = false;
            }

            await context.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>Runs a load or commit; a store failure other than a conflict becomes <see cref="StorageUnavailableException"/>.</summary>
    private static async Task StoreStepAsync(Func<Task> step, string what, CancellationToken cancellationToken)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (StorageConflictException or InvalidOperationException) && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new StorageUnavailableException($"The turn's state could not be {what}: {ex.Message}", ex);
        }
    }

    private async Task LoadAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var keys = new string?[states.Count];
        var toRead = new List<string>(states.Count);
        for (var i = 0; i < states.Count; i++)
        {
            keys[i] = states[i].GetStorageKey(context);
            if (keys[i] is { } key)
            {
                toRead.Add(key);
            }
        }

        var items = toRead.Count == 0
            ? (IReadOnlyDictionary<string, StoreItem>)new Dictionary<string, StoreItem>()
            : await storage.ReadAsync(toRead, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < states.Count; i++)
        {
            if (keys[i] is { } key)
            {
                states[i].SetLoaded(context, key, items.TryGetValue(key, out var item) ? item : null);
            }
        }
    }

    private async Task CommitAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var batch = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            state.CollectChanges(context, batch);
        }

        if (context.Staged is { Count: > 0 } staged)
        {
            foreach (var (key, item) in staged)
            {
                if (!batch.TryAdd(key, item))
                {
                    throw new InvalidOperationException($"The staged record key '{key}' collides with a bot state key.");
                }
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        var etags = await storage.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        context.SetCommittedETags(etags);
        foreach (var state in states)
        {
            state.Committed(context, batch, etags);
        }
    }
}
