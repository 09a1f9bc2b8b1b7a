using System.Security.Claims;
using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Schema;
using CoachBot.Storage;

namespace CoachBot.Protocol.Turns;

/// <summary>
/// Everything one turn needs: the inbound activity, a way to answer, per-turn state and the end-of-turn
/// write batch. Outgoing messages are buffered and delivered after the turn's state is committed;
/// typing indicators go out at once.
/// </summary>
public interface ITurnContext : IUnitOfWork
{
    /// <summary>The activity this turn handles.</summary>
    Activity Activity { get; }

    /// <summary>The authenticated caller (anonymous in local development).</summary>
    ClaimsIdentity Identity { get; }

    /// <summary>Objects cached for this turn (state caches, dialog contexts). Reset when a turn is re-run after a storage conflict.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once a message has been sent (or queued) in this turn.</summary>
    bool Responded { get; }

    /// <summary>The answer to an invoke activity; returned as the HTTP response (501 when left null).</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// Sends activities to the conversation, addressed from this turn's activity (the instances are
    /// addressed in place: do not share them between turns). Messages are queued until the turn commits;
    /// their <see cref="ResourceResponse.Id"/> is then unknown (null).
    /// </summary>
    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an activity the bot sent earlier in this conversation (<see cref="Activity.Id"/> names it), as the
    /// SDK's <c>UpdateActivityAsync</c> does. Like replies it is queued until the turn commits and goes out after
    /// them. A refused update is logged and counted, never thrown: what the turn stored and replied stands.
    /// </summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Registers a hook that sees every delivery of outgoing activities (transcript, typing).</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    /// <summary>The turn's cache is its <see cref="TurnState"/>.</summary>
    IDictionary<string, object> IUnitOfWork.Items => TurnState;

    /// <summary>Runs after the turn's state and staged records are committed (see <see cref="TurnCommitExtensions"/>).</summary>
    void IUnitOfWork.OnCommitted(Action callback) => TurnCommitExtensions.OnCommitted(this, callback);

    /// <summary>The ETag a staged record got when the turn committed.</summary>
    string? IUnitOfWork.CommittedETag(string key) => TurnCommitExtensions.CommittedETag(this, key);
}
