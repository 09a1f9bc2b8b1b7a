using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CoachBot.Protocol.Hosting;

/// <summary>Maps the Bot Framework messaging endpoint.</summary>
public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c> (default <c>/api/messages</c>) to the bot runtime. Other verbs get 405
    /// from routing. Requires <see cref="BotServiceCollectionExtensions.AddBotRuntime{TBot}"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.MapPost(pattern, MessagesEndpoint.HandleAsync).WithDisplayName("Bot Framework messages");
    }
}
