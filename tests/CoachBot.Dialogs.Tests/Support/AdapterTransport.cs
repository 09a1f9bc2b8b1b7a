using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Support;

/// <summary>Plays transcripts through <see cref="TestAdapter"/> (the real pipeline, in memory).</summary>
public sealed class AdapterTransport : ITranscriptTransport
{
    private AdapterTransport(TestAdapter adapter) => Adapter = adapter;

    public TestAdapter Adapter { get; }

    public IServiceProvider Services => Adapter.Services;

    public static AdapterTransport Create()
    {
        TestAdapter? adapter = null;
        adapter = new TestAdapter(
            (turn, ct) => adapter!.Services.GetRequiredService<CoachBotBot>().OnTurnAsync(turn, ct),
            services => services.AddCoachBotDialogs(TestContent.Root));
        return new AdapterTransport(adapter);
    }

    public async Task<IReadOnlyList<string>> SendAsync(string text)
    {
        await Adapter.SendTextAsync(text);
        return DrainReplies();
    }

    /// <summary>Runs the scheduler's proactive turn (<see cref="CoachBotBot.BeginCheckInAsync"/>) and returns its replies.</summary>
    public async Task<IReadOnlyList<string>> ProactiveCheckInAsync()
    {
        var bot = Services.GetRequiredService<CoachBotBot>();
        await Adapter.Adapter.ContinueConversationAsync(Adapter.Conversation, bot.BeginCheckInAsync);
        return DrainReplies();
    }

    /// <summary>The texts of the replies not yet taken, in order.</summary>
    public IReadOnlyList<string> DrainReplies()
    {
        var replies = new List<string>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply.Text ?? string.Empty);
        }

        return replies;
    }

    public void Advance(TimeSpan delta) => Adapter.Time.Advance(delta);

    public ValueTask DisposeAsync() => Adapter.DisposeAsync();
}
