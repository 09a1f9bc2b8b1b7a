using CoachBot.Protocol.Schema;

namespace CoachBot.Protocol.Turns;

/// <summary>Convenience overloads on <see cref="ITurnContext"/>.</summary>
public static class TurnContextExtensions
{
    /// <summary>Sends one activity.</summary>
    public static async Task<ResourceResponse> SendActivityAsync(this ITurnContext turnContext, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await turnContext.SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : new ResourceResponse();
    }

    /// <summary>Sends a plain message with the given text (the text comes from content/, never from code).</summary>
    public static Task<ResourceResponse> SendActivityAsync(this ITurnContext turnContext, string text, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(Activity.CreateMessage(text), cancellationToken);
}
