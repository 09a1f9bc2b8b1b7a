using System.Globalization;
using System.Security.Claims;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing;

/// <summary>
/// Runs a bot in memory through the real runtime pipeline (ordering, state commit, de-duplication,
/// typing, error handler) with <see cref="MemoryStorage"/>, a <see cref="TimerCountingTimeProvider"/> and a
/// <see cref="RecordingConnectorClient"/> that captures the replies.
/// </summary>
public sealed class TestAdapter : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private static int s_nextId;

    /// <summary>Creates the adapter for a bot.</summary>
    public TestAdapter(IBot bot, Action<IServiceCollection>? configure = null)
        : this(services => services.AddSingleton(bot ?? throw new ArgumentNullException(nameof(bot))), configure)
    {
    }

    private TestAdapter(Action<IServiceCollection> registerBot, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IConnectorClient>(Connector);
        registerBot(services);
        services.AddBotRuntime();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Adapter = _services.GetRequiredService<BotAdapter>();
    }

    /// <summary>Creates the adapter for a bot written as a lambda.</summary>
    public TestAdapter(Func<ITurnContext, CancellationToken, Task> botLogic, Action<IServiceCollection>? configure = null)
        : this(new DelegateBot(botLogic), configure)
    {
    }

    /// <summary>Creates the adapter for a bot built by dependency injection (it may take ConversationState, UserState...).</summary>
    public static TestAdapter Create<TBot>(Action<IServiceCollection>? configure = null)
        where TBot : class, IBot => new(services => services.AddSingleton<IBot, TBot>(), configure);

    /// <summary>The clock (advance it to drive typing, timeouts, retries).</summary>
    public TimerCountingTimeProvider Time { get; } = new();

    /// <summary>The replies the bot sent.</summary>
    public RecordingConnectorClient Connector { get; } = new();

    /// <summary>The runtime.</summary>
    public BotAdapter Adapter { get; }

    /// <summary>The service provider (storage, states...).</summary>
    public IServiceProvider Services => _services;

    /// <summary>The state store.</summary>
    public IStorage Storage => _services.GetRequiredService<IStorage>();

    /// <summary>Conversation state.</summary>
    public ConversationState ConversationState => _services.GetRequiredService<ConversationState>();

    /// <summary>User state.</summary>
    public UserState UserState => _services.GetRequiredService<UserState>();

    /// <summary>Where the test conversation happens; change it to talk in another conversation.</summary>
    public ConversationReference Conversation { get; set; } = CreateReference("conv-1", "user-1");

    /// <summary>A reference for a test conversation on the <c>test</c> channel.</summary>
    public static ConversationReference CreateReference(string conversationId, string userId, string channelId = Channels.Test) => new()
    {
        ChannelId = channelId,
        ServiceUrl = "https://connector.test/",
        Conversation = new ConversationAccount(conversationId),
        User = new ChannelAccount(userId, "Test User") { Role = "user" },
        Bot = new ChannelAccount("bot-1", "Coach") { Role = "bot" },
        Locale = "en-US",
    };

    /// <summary>A message from the user in <see cref="Conversation"/>, with a fresh id.</summary>
    public Activity MakeMessage(string? text) => Address(Activity.CreateMessage(text));

    /// <summary>Fills the addressing fields a channel would set (id, timestamp, from, recipient, conversation).</summary>
    public Activity Address(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reference = Conversation;
        activity.Type ??= ActivityTypes.Message;
        activity.Id ??= "act-" + Interlocked.Increment(ref s_nextId).ToString(CultureInfo.InvariantCulture);
        activity.Timestamp ??= Time.GetUtcNow();
        activity.ChannelId ??= reference.ChannelId;
        activity.ServiceUrl ??= reference.ServiceUrl;
        activity.Conversation ??= reference.Conversation;
        activity.From ??= reference.User;
        activity.Recipient ??= reference.Bot;
        activity.Locale ??= reference.Locale;
        return activity;
    }

    /// <summary>Runs one turn for the activity (addressed first) and returns its invoke response.</summary>
    public Task<InvokeResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        Adapter.ProcessActivityAsync(Address(activity), new ClaimsIdentity("test"), cancellationToken);

    /// <summary>Runs one turn for a user message.</summary>
    public Task SendTextAsync(string text, CancellationToken cancellationToken = default) => SendActivityAsync(MakeMessage(text), cancellationToken);

    /// <summary>Takes the next reply (typing skipped), or null.</summary>
    public Activity? GetNextReply() => Connector.TakeNextReply();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class DelegateBot(Func<ITurnContext, CancellationToken, Task> logic) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => logic(turnContext, cancellationToken);
    }
}
