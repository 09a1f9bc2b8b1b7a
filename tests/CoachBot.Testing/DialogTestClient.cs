using CoachBot.Conversation;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing;

/// <summary>
/// Runs one dialog as the root of a <see cref="TestAdapter"/>: send a message, read the reply, check
/// <see cref="DialogTurnResult"/>. Mirrors the SDK's DialogTestClient.
/// </summary>
public sealed class DialogTestClient : IAsyncDisposable
{
    private readonly DialogRunner _runner;

    /// <summary>Creates the client.</summary>
    /// <param name="dialog">The dialog under test (becomes the root).</param>
    /// <param name="initialOptions">Options passed when the dialog begins.</param>
    /// <param name="configure">Extra service registrations.</param>
    public DialogTestClient(Dialog dialog, object? initialOptions = null, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        DialogRunner? runner = null;
        Adapter = new TestAdapter(
            async (turnContext, cancellationToken) =>
            {
                DialogTurnResult = await runner!.RunAsync(turnContext, initialOptions, cancellationToken).ConfigureAwait(false);
            },
            configure);
        runner = new DialogRunner(dialog, Adapter.Services.GetRequiredService<ConversationState>());
        _runner = runner;
    }

    /// <summary>The adapter (clock, connector, storage).</summary>
    public TestAdapter Adapter { get; }

    /// <summary>The root dialog set: add interruptions or a version hook here.</summary>
    public DialogSet Dialogs => _runner.Dialogs;

    /// <summary>The result of the last turn.</summary>
    public DialogTurnResult? DialogTurnResult { get; private set; }

    /// <summary>Sends a message and returns the first reply (or null).</summary>
    public async Task<Activity?> SendActivityAsync(string text, CancellationToken cancellationToken = default)
    {
        await Adapter.SendTextAsync(text, cancellationToken).ConfigureAwait(false);
        return Adapter.GetNextReply();
    }

    /// <summary>Sends an activity and returns the first reply (or null).</summary>
    public async Task<Activity?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        await Adapter.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        return Adapter.GetNextReply();
    }

    /// <summary>The next unread reply, or null.</summary>
    public Activity? GetNextReply() => Adapter.GetNextReply();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Adapter.DisposeAsync();
}
