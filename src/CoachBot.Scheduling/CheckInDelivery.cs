using System.Globalization;
using System.Net;
using System.Text.Json;
using CoachBot.Content;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Records;
using CoachBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduling;

/// <summary>How sending a slot went, as the scheduler needs to know it.</summary>
internal enum SendResult
{
    /// <summary>The channel accepted it.</summary>
    Sent,

    /// <summary>403: the patient removed the bot or blocked it.</summary>
    Unreachable,

    /// <summary>429: try again later, and pause this instance.</summary>
    Throttled,

    /// <summary>The turn failed before anything was sent: safe to try again.</summary>
    NotSent,

    /// <summary>Refused for good (no conversation reference, a 4xx).</summary>
    Refused,

    /// <summary>The channel may or may not have delivered it: never sent again.</summary>
    Uncertain,
}

/// <summary>
/// Sends a due slot as a proactive turn through <see cref="BotAdapter"/> (creating the personal Teams conversation when
/// there is none yet), within the channel's rate limits of docs/scheduling.md ("Rate limits"), and says how it went.
/// </summary>
internal sealed partial class CheckInDelivery
{
    /// <summary>The message key of the reminder after silence.</summary>
    public const string ReminderKey = MessageKeys.Checkin.Reminder;

    private readonly IConversationReferenceStore _references;
    private readonly BotAdapter _adapter;
    private readonly CheckInTurn _checkIn;
    private readonly ContentCatalog _messages;
    private readonly SchedulerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SlidingWindowRateLimiter _perConversation;
    private readonly SlidingWindowRateLimiter? _global;
    private readonly Lock _pauseGate = new();
    private DateTimeOffset _pausedUntil;

    public CheckInDelivery(IConversationReferenceStore references, BotAdapter adapter, CheckInTurn checkIn, ContentCatalog messages, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<CheckInScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        _references = references;
        _adapter = adapter;
        _checkIn = checkIn;
        _messages = messages;
        _messages.Validate([ReminderKey]);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _perConversation = new SlidingWindowRateLimiter(SlidingWindowRateLimiter.TeamsPerConversation, time);
        _global = _options.GlobalSendsPerSecond > 0 ? new SlidingWindowRateLimiter([(_options.GlobalSendsPerSecond, TimeSpan.FromSeconds(1))], time) : null;
    }

    /// <summary>True while this instance holds back after the channel answered 429.</summary>
    public bool IsPaused()
    {
        lock (_pauseGate)
        {
            return _time.GetUtcNow() < _pausedUntil;
        }
    }

    /// <summary>Holds back every send of this instance until <paramref name="until"/>.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_pauseGate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>Runs the slot's turn (the check-in, or the reminder) for the patient and classifies the outcome.</summary>
    public async Task<(SendResult Result, string? Detail)> SendAsync(PatientRecord patient, DueEntry entry, CancellationToken ct)
    {
        var reference = await _references.GetAsync(patient.PatientId, ct).ConfigureAwait(false);
        if (reference is null)
        {
            return (SendResult.Refused, "no stored conversation reference");
        }

        var messages = 0;
        var hooked = 0;
        Func<ITurnContext, CancellationToken, Task> handler = entry.Kind == SlotKind.Reminder
            ? (turn, c) => turn.SendActivityAsync(_messages.Get(ReminderKey, ContentCatalog.StableSeed(entry.SlotId)), c)
            : _checkIn.Handler;

        async Task Turn(ITurnContext turn, CancellationToken c)
        {
            if (Interlocked.Exchange(ref hooked, 1) == 0)
            {
                turn.OnSendActivities(async (context, activities, next) =>
                {
                    var count = activities.Count(a => !string.Equals(a.Type, ActivityTypes.Typing, StringComparison.Ordinal));
                    if (count > 0)
                    {
                        await AcquireAsync(context.Activity, count, c).ConfigureAwait(false);
                        Interlocked.Add(ref messages, count);
                    }

                    return await next().ConfigureAwait(false);
                });
            }

            await handler(turn, c).ConfigureAwait(false);
        }

        try
        {
            if (NeedsNewTeamsConversation(reference))
            {
                return await CreateTeamsConversationAsync(patient, reference, Turn, ct).ConfigureAwait(false);
            }

            await _adapter.ContinueConversationAsync(reference, Turn, ct).ConfigureAwait(false);
            return (SendResult.Sent, null);
        }
        catch (DeliveryFailedException ex)
        {
            var failure = ex.Failures.FirstOrDefault(f => !f.NotAttempted) ?? (ex.Failures.Count > 0 ? ex.Failures[0] : null);
            var delivered = Volatile.Read(ref messages) - ex.Failures.Count;
            var (result, detail) = Classify(failure?.Error);
            if (delivered > 0 && result is SendResult.Throttled or SendResult.NotSent)
            {
                // Part of the turn reached the patient: sending it again would repeat that part.
                return (SendResult.Sent, "partly delivered: " + detail);
            }

            return (result, detail);
        }
        catch (ConnectorException ex)
        {
            return Classify(ex);
        }
        catch (ArgumentException ex)
        {
            return (SendResult.Refused, "the stored conversation reference is incomplete: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StorageConflictException)
        {
            // The turn failed before its replies were flushed (replies are delivered after the state commit).
            LogTurnFailed(ex, entry.SlotId, patient.PatientId);
            return (SendResult.NotSent, "the turn failed: " + ex.Message);
        }
    }

    private static (SendResult, string?) Classify(ConnectorException? error)
    {
        if (error is null)
        {
            return (SendResult.Uncertain, "delivery failed without an error");
        }

        var detail = string.Format(CultureInfo.InvariantCulture, "status {0}, code {1}", error.StatusCode is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "none", error.ErrorCode ?? error.SubCode ?? "none");
        return error.StatusCode switch
        {
            HttpStatusCode.Forbidden => (SendResult.Unreachable, detail),
            HttpStatusCode.TooManyRequests => (SendResult.Throttled, detail),
            _ when error.MayHaveBeenDelivered => (SendResult.Uncertain, detail),
            _ => (SendResult.Refused, detail),
        };
    }

    private static bool NeedsNewTeamsConversation(ConversationReference reference) =>
        string.Equals(reference.ChannelId, Channels.MsTeams, StringComparison.Ordinal)
        && (reference.Conversation?.Id is null
            || reference.Conversation.IsGroup == true
            || (reference.Conversation.ConversationType is { } type && !string.Equals(type, "personal", StringComparison.Ordinal)));

    private async Task<(SendResult, string?)> CreateTeamsConversationAsync(PatientRecord patient, ConversationReference reference, Func<ITurnContext, CancellationToken, Task> turn, CancellationToken ct)
    {
        var tenant = reference.Conversation?.TenantId;
        if (string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(reference.ServiceUrl) || reference.Bot is null)
        {
            return (SendResult.Refused, "no personal Teams conversation and no tenant, service URL or bot id to create one");
        }

        var user = reference.User ?? new ChannelAccount(patient.UserId);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = reference.Bot,
            Members = [new ChannelAccount(user.Id ?? patient.UserId) { AadObjectId = user.AadObjectId }],
            TenantId = tenant,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = tenant } }),
        };
        var created = await _adapter.CreateConversationAsync(Channels.MsTeams, reference.ServiceUrl, parameters, turn, ct).ConfigureAwait(false);
        await _references.SaveAsync(patient.PatientId, new ConversationReference
        {
            ChannelId = Channels.MsTeams,
            ServiceUrl = created.ServiceUrl ?? reference.ServiceUrl,
            Conversation = new ConversationAccount(created.Id!) { TenantId = tenant, ConversationType = "personal", IsGroup = false },
            Bot = reference.Bot,
            User = user,
            Locale = reference.Locale,
        }, ct).ConfigureAwait(false);
        return (SendResult.Sent, "created the personal Teams conversation");
    }

    private async Task AcquireAsync(Activity activity, int count, CancellationToken ct)
    {
        var key = activity.ChannelId + "/" + activity.Conversation?.Id;
        var perConversation = Math.Min(count, SlidingWindowRateLimiter.TeamsPerConversation[0].Permits);
        await _perConversation.AcquireAsync(key, perConversation, ct).ConfigureAwait(false);
        if (_global is not null)
        {
            await _global.AcquireAsync("*", Math.Min(count, _options.GlobalSendsPerSecond), ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The proactive turn for {SlotId} of patient {PatientId} failed before sending.")]
    private partial void LogTurnFailed(Exception exception, string slotId, string patientId);
}
