using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using CoachBot.Bench.Bot;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Benchmarks;

/// <summary>
/// Dialog turns through the whole runtime pipeline (ordering, error handler, typing, state load and commit in
/// memory storage, de-duplication, the bench check-in dialog) with a connector that answers at once. One
/// operation is a full 4-turn check-in ("check in", a number, a kind, yes): divide by 4 for one turn.
/// </summary>
[MemoryDiagnoser]
public class DialogTurnBenchmarks
{
    private static readonly string[] Answers = ["check in", "3", "sharp", "yes"];
    private readonly ClaimsIdentity _identity = new("anonymous");
    private ServiceProvider? _services;
    private IActivityProcessor? _processor;
    private int _next;

    /// <summary>Builds the runtime with the bench bot.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<IConnectorClient, InstantConnector>();
        services.AddBotRuntime<BenchCheckInBot>();
        _services = services.BuildServiceProvider();
        _processor = _services.GetRequiredService<IActivityProcessor>();
    }

    /// <summary>Disposes the runtime.</summary>
    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    /// <summary>One check-in of 4 turns on one of 50 conversations.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    public async Task CheckInTurn()
    {
        var n = _next++;
        var conversation = "conv-" + (n % 50).ToString(CultureInfo.InvariantCulture);
        foreach (var text in Answers)
        {
            var activity = Activity.CreateMessage(text);
            activity.Id = "a-" + n.ToString(CultureInfo.InvariantCulture) + text;
            activity.ChannelId = "test";
            activity.ServiceUrl = "http://127.0.0.1:3979";
            activity.From = new ChannelAccount("patient-" + conversation) { Role = "user" };
            activity.Recipient = new ChannelAccount("bot") { Role = "bot" };
            activity.Conversation = new ConversationAccount(conversation);
            await _processor!.ProcessActivityAsync(activity, _identity).ConfigureAwait(false);
        }
    }

    private sealed class InstantConnector : IConnectorClient
    {
        private static readonly Task<ResourceResponse> Sent = Task.FromResult(new ResourceResponse { Id = "sent" });

        public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default) => Sent;

        public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) => Sent;

        public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ConversationResourceResponse { Id = "created" });
    }
}
