using System.Security.Claims;
using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>Hands activities to the bot in process, as a channel would, with the configured turn timeout.</summary>
internal sealed class DirectLineBotBridge(IServiceProvider services, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineBotBridge> logger)
{
    /// <summary>The claim naming the Direct Line conversation on the identity passed to the bot.</summary>
    public const string ConversationClaim = "directline:conversation";

    public ChannelAccount BotAccount => new(options.Value.BotId, options.Value.BotName) { Role = "bot" };

    /// <summary>Runs the bot's turn; throws <see cref="DirectLineBotException"/> when it fails or times out.</summary>
    public async Task RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        var processor = services.GetService<IActivityProcessor>()
            ?? throw new DirectLineBotException("No IActivityProcessor is registered; the bot cannot receive Direct Line activities.", null);
        var identity = new ClaimsIdentity(
            [new Claim(ConversationClaim, activity.Conversation?.Id ?? string.Empty)],
            authenticationType: "DirectLine");
        using var timeout = new CancellationTokenSource(options.Value.BotTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await processor.ProcessActivityAsync(activity, identity, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Direct Line: the bot did not finish the turn for {ActivityType} in conversation {ConversationId} within {Timeout}.", LogText.Clean(activity.Type), activity.Conversation?.Id, options.Value.BotTimeout);
            throw new DirectLineBotException("The bot timed out.", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DirectLineBotException)
        {
            logger.LogError(ex, "Direct Line: the bot failed the turn for {ActivityType} in conversation {ConversationId}.", LogText.Clean(activity.Type), activity.Conversation?.Id);
            throw new DirectLineBotException("The bot failed to process the activity.", ex);
        }
    }
}

/// <summary>The bot failed or timed out (answered 502 BotError).</summary>
internal sealed class DirectLineBotException : Exception
{
    public DirectLineBotException()
    {
    }

    public DirectLineBotException(string message)
        : base(message)
    {
    }

    public DirectLineBotException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
