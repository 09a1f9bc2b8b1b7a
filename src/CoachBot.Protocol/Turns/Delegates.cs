using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Turns;

/// <summary>The rest of the middleware chain (and finally the bot).</summary>
#pragma warning disable CA1711 // Name mirrors the Bot Framework SDK.
public delegate Task NextDelegate(CancellationToken cancellationToken);
#pragma warning restore CA1711

/// <summary>A hook around the delivery of outgoing activities; call <paramref name="next"/> to deliver.</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, IReadOnlyList<Activity> activities, Func<Task<ResourceResponse[]>> next);
