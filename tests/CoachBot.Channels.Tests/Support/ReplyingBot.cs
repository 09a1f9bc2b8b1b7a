using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Channels.Tests.Support;

/// <summary>
/// A small bot for tests that answers like a real one: it POSTs its replies to the serviceUrl it received,
/// with the token the outbound provider gives for that URL. Greets when a user joins (with suggested
/// actions), and answers every message.
/// </summary>
public sealed class ReplyingBot(IOutboundTokenProvider tokens) : IActivityProcessor, IDisposable
{
    public const string GreetingText = "Hello, I am your test coach. How is your back today?";
    public static readonly string[] Choices = ["Better", "The same", "Worse"];

    private readonly HttpClient _http = new();

    public ConcurrentQueue<Activity> Received { get; } = new();

    public ConcurrentQueue<(int Status, string Body)> ReplyResults { get; } = new();

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

    public Task SendAsync(Activity inbound, Activity reply, CancellationToken cancellationToken) =>
        PostAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, reply.ReplyToId, reply, cancellationToken);

    public async Task PostAsync(string serviceUrl, string conversationId, string? replyToId, Activity reply, CancellationToken cancellationToken)
    {
        var url = $"{serviceUrl}v3/conversations/{Uri.EscapeDataString(conversationId)}/activities" + (replyToId is null ? string.Empty : "/" + Uri.EscapeDataString(replyToId));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(reply, options: ProtocolJson.Options) };
        var token = await tokens.GetTokenAsync(serviceUrl, cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        ReplyResults.Enqueue(((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken)));
    }

    public void Dispose() => _http.Dispose();

    private static Activity Reply(Activity inbound, string text)
    {
        var reply = inbound.CreateReply(text);
        reply.InputHint = InputHints.ExpectingInput;
        return reply;
    }
}
