using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Conversation.Cards;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Support;

/// <summary>
/// A patient on a channel that renders Adaptive Cards (Web Chat by default): types messages or fills the inputs of the
/// last card and presses its submit button, as the client would send it (the button's data merged with the inputs).
/// Counts the patient's turns.
/// </summary>
public sealed class CardChat : IAsyncDisposable
{
    private CardChat(TestAdapter adapter, string channelId)
    {
        Adapter = adapter;
        ChannelId = channelId;
    }

    public TestAdapter Adapter { get; }

    public string ChannelId { get; }

    public IServiceProvider Services => Adapter.Services;

    /// <summary>How many messages the patient sent (typed or card submits).</summary>
    public int Turns { get; private set; }

    /// <summary>Every reply so far, in order.</summary>
    public List<Activity> Replies { get; } = [];

    public string PatientId => CoachBot.Records.PatientId.From(ChannelId, "user-1");

    public static CardChat Create(string channelId = Channels.WebChat, Action<IServiceCollection>? configure = null)
    {
        TestAdapter? adapter = null;
        adapter = new TestAdapter(
            (turn, ct) => adapter!.Services.GetRequiredService<CoachBotBot>().OnTurnAsync(turn, ct),
            services =>
            {
                services.AddCoachBotDialogs(TestContent.Root);
                configure?.Invoke(services);
            });
        adapter.Conversation = TestAdapter.CreateReference("conv-1", "user-1", channelId);
        return new CardChat(adapter, channelId);
    }

    /// <summary>Seeds an onboarded patient on this channel.</summary>
    public async Task<PatientRecord> SeedAsync(string given = "onboarded, stable history", Func<PatientRecord, PatientRecord>? change = null)
    {
        var today = DateOnly.FromDateTime(Adapter.Time.GetUtcNow().UtcDateTime);
        var patient = PatientSeeds.Create(given, ChannelId, "user-1", today);
        return await Services.GetRequiredService<IPatientRepository>().SaveAsync(change is null ? patient : change(patient));
    }

    public async Task<IReadOnlyList<Activity>> SayAsync(string text)
    {
        Turns++;
        await Adapter.SendTextAsync(text);
        return Drain();
    }

    /// <summary>
    /// Presses the submit action of the last card sent (or <paramref name="card"/>) with these input values; Teams also
    /// names the card's activity in <paramref name="replyToId"/>.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> SubmitAsync(IReadOnlyDictionary<string, string> inputs, JsonObject? card = null, int action = 0, Action<JsonObject>? change = null, string? replyToId = null)
    {
        card ??= LastCard() ?? throw new InvalidOperationException("No card was sent.");
        var submit = card["actions"]!.AsArray()[action]!.AsObject();
        var value = submit["data"]!.DeepClone().AsObject();
        foreach (var (id, v) in inputs)
        {
            value[id] = v;
        }

        change?.Invoke(value);
        var message = Adapter.MakeMessage(null);
        message.Text = null;
        message.Value = JsonSerializer.SerializeToElement(value);
        message.ReplyToId = replyToId;
        Turns++;
        await Adapter.SendActivityAsync(message);
        return Drain();
    }

    /// <summary>The Adaptive Card of the last reply that carried one, or null.</summary>
    public JsonObject? LastCard() => Replies.Select(CardOf).LastOrDefault(c => c is not null);

    /// <summary>The Adaptive Card on a reply, or null.</summary>
    public static JsonObject? CardOf(Activity reply) =>
        reply.Attachments?.FirstOrDefault(a => a.ContentType == AdaptiveCards.ContentType) is { Content: { } content }
            ? JsonNode.Parse(content.GetRawText())!.AsObject()
            : null;

    /// <summary>Every text the patient sees: message texts and the texts of the cards' text blocks.</summary>
    public static string TextOf(IEnumerable<Activity> replies) =>
        string.Join("\n", replies.Select(r => CardOf(r) is { } card ? string.Join("\n", CardText(card)) : r.Text ?? string.Empty));

    /// <summary>The ids of a card's inputs.</summary>
    public static IReadOnlyList<string> InputIds(JsonObject card) =>
        Walk(card).Where(n => n["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(n => n["id"]!.GetValue<string>()).ToList();

    /// <summary>The value an input shows (what was entered before), or null.</summary>
    public static string? InputValue(JsonObject card, string id) =>
        Walk(card).FirstOrDefault(n => n["id"]?.GetValue<string>() == id)?["value"] is { } value ? value.ToString() : null;

    public static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).SelectMany(Walk))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Walk))
                {
                    yield return child;
                }

                break;
        }
    }

    public Task<IReadOnlyList<CheckInEntry>> EntriesAsync() => Services.GetRequiredService<ICheckInRepository>().ListAsync(PatientId);

    public ValueTask DisposeAsync() => Adapter.DisposeAsync();

    private static IEnumerable<string> CardText(JsonObject card) =>
        Walk(card).Where(n => n["type"]?.GetValue<string>() == "TextBlock").Select(n => n["text"]!.GetValue<string>())
            .Concat(Walk(card).Where(n => n["label"] is not null).Select(n => n["label"]!.GetValue<string>()));

    private List<Activity> Drain()
    {
        var replies = new List<Activity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        Replies.AddRange(replies);
        return replies;
    }
}

/// <summary>A <see cref="CardChat"/> as a text transport (for <see cref="CheckInDriver"/>); disposing it leaves the chat open.</summary>
public sealed class CardChatTransport(CardChat chat) : ITranscriptTransport
{
    public IServiceProvider Services => chat.Services;

    public async Task<IReadOnlyList<string>> SendAsync(string text) => (await chat.SayAsync(text)).Select(r => r.Text ?? string.Empty).ToList();

    public void Advance(TimeSpan delta) => chat.Adapter.Time.Advance(delta);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
