using System.Collections.Concurrent;
using System.Security.Claims;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Channels.Tests.Support;

/// <summary>
/// A small bot for tests that answers like a real one: it sends its replies through the registered
/// <see cref="IConnectorClient"/> to the serviceUrl it received. Greets when a user joins (with suggested
/// actions), and answers every message.
/// </summary>
public sealed class ReplyingBot(IConnectorClient connector) : IActivityProcessor
{
    public const string GreetingText = "Hello, I am your test coach. How is your back today?";
    public static readonly string[] Choices = ["Better", "The same", "Worse"];

    public ConcurrentQueue<Activity> Received { get; } = new();

    /// <summary>Sends the connector refused.</summary>
    public ConcurrentQueue<ConnectorException> ReplyFailures { get; } = new();

    /// <summary>When set, a message turn runs this instead of replying (to fail or hang).</summary>
    public Func<Activity, CancellationToken, Task>? OnMessage { get; set; }

    /// <summary>Send a typing activity before each message reply.</summary>
    public bool SendTyping { get; set; }

    public async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(activity);
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
        {
            var greeting = Reply(activity, GreetingText);
            greeting.ReplyToId = null;
            greeting.SuggestedActions = new SuggestedActions { Actions = [.. Choices.Select(c => CardAction.ImBack(c))] };
            await SendAsync(activity, greeting, cancellationToken);
        }
        else if (activity.Type == ActivityTypes.Message)
        {
            if (OnMessage is not null)
            {
                await OnMessage(activity, cancellationToken);
                return null;
            }

            if (SendTyping)
            {
                await SendAsync(activity, new Activity { Type = ActivityTypes.Typing, From = activity.Recipient }, cancellationToken);
            }

            await SendAsync(activity, Reply(activity, "You said: " + activity.Text), cancellationToken);
        }

        return null;
    }

    public async Task SendAsync(Activity inbound, Activity reply, CancellationToken cancellationToken)
    {
        reply.ServiceUrl = inbound.ServiceUrl;
        reply.Conversation = inbound.Conversation;
        try
        {
            await connector.SendActivityAsync(reply, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            ReplyFailures.Enqueue(ex);
        }
    }

    private static Activity Reply(Activity inbound, string text)
    {
        var reply = inbound.CreateReply(text);
        reply.InputHint = InputHints.ExpectingInput;
        return reply;
    }
}
