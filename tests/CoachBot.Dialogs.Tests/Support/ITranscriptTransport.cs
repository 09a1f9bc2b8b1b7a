namespace CoachBot.Dialogs.Tests.Support;

/// <summary>Where a transcript is played: the in-memory test adapter or real HTTP.</summary>
public interface ITranscriptTransport : IAsyncDisposable
{
    /// <summary>Sends a user message and returns the texts of the bot's replies to it.</summary>
    Task<IReadOnlyList<string>> SendAsync(string text);

    /// <summary>Moves the fake clock.</summary>
    void Advance(TimeSpan delta);

    /// <summary>Services (repositories, storage).</summary>
    IServiceProvider Services { get; }
}
