using System.Globalization;
using CoachBot.Coaching.Policy;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using CoachBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.CoachReview.Teams;

/// <summary>
/// Posts new emergency and urgent escalations to the coaches' Teams channel (<c>Coaches:TeamsChannel</c>). Every
/// poll it looks for open escalations raised within <see cref="TeamsChannelOptions.MaxAge"/> that were not posted yet,
/// claims each one create-only in storage (so two instances never both post it) and sends it through the Bot
/// Connector. A failed post gives the claim back, so the next poll tries again.
/// </summary>
public sealed partial class CoachChannelNotifier(
    IEscalationRepository escalations,
    IStorage storage,
    IConnectorClient connector,
    IOptions<CoachReviewOptions> options,
    TimeProvider time,
    ILogger<CoachChannelNotifier> logger) : BackgroundService
{
    /// <summary>The storage collection of posted-escalation claims.</summary>
    public const string Collection = "coach-channel-posts";

    private readonly DocumentStore<ChannelPost> _posts = new(storage, Collection);

    /// <summary>Posts every new emergency or urgent escalation once; returns how many were posted.</summary>
    public async Task<int> PostNewAsync(CancellationToken cancellationToken = default)
    {
        var channel = options.Value.TeamsChannel;
        if (!channel.Enabled)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var open = await escalations.ListAsync(EscalationStatus.Open, cancellationToken: cancellationToken).ConfigureAwait(false);
        var posted = 0;
        foreach (var escalation in open.Where(e => e.Level >= Escalation.Urgent && now - e.RaisedAt <= channel.MaxAge))
        {
            try
            {
                await _posts.CreateAsync(escalation.Id, new ChannelPost { EscalationId = escalation.Id, PostedAt = now }, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConflictException)
            {
                continue; // posted already (here or by another instance)
            }

            try
            {
                await connector.SendActivityAsync(Post(channel, escalation), cancellationToken).ConfigureAwait(false);
                posted++;
            }
            catch (ConnectorException ex)
            {
                LogPostFailed(logger, ex, escalation.Id, (int?)ex.StatusCode);
                if (!ex.MayHaveBeenDelivered)
                {
                    await _posts.DeleteAsync(escalation.Id, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        return posted;
    }

    /// <summary>The channel message for an escalation (coach-facing: level, rules, reason and a link; no patient words).</summary>
    public static Activity Post(TeamsChannelOptions channel, EscalationRecord escalation)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(escalation);
        var level = escalation.Level.ToString().ToUpperInvariant();
        var link = string.IsNullOrWhiteSpace(channel.CoachPageUrl)
            ? string.Empty
            : $" Open: {channel.CoachPageUrl.TrimEnd('/')}/coach/patients/{Uri.EscapeDataString(escalation.PatientId)}";
        var text = string.Create(CultureInfo.InvariantCulture, $"{level} escalation for patient {escalation.PatientId} ({string.Join(", ", escalation.RuleIds)}): {escalation.Reason}. Raised {escalation.RaisedAt:yyyy-MM-dd HH:mm} UTC.{link}");
        var activity = Activity.CreateMessage(text);
        activity.ChannelId = "msteams";
        activity.ServiceUrl = channel.ServiceUrl;
        activity.Conversation = new ConversationAccount(channel.ConversationId!) { IsGroup = true, ConversationType = "channel", TenantId = channel.TenantId };
        return activity;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channel = options.Value.TeamsChannel;
        if (!channel.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(channel.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await PostNewAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed poll must not stop the next one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting escalation {EscalationId} to the coaches' channel failed (status {Status}).")]
    private static partial void LogPostFailed(ILogger logger, Exception error, string escalationId, int? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for new escalations to post to the coaches' channel failed.")]
    private static partial void LogPollFailed(ILogger logger, Exception error);
}
