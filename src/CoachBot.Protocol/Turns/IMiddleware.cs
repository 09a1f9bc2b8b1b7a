namespace CoachBot.Protocol.Turns;

/// <summary>A step of the turn pipeline that runs around the bot.</summary>
public interface IMiddleware
{
    /// <summary>Does its work and calls <paramref name="nextHandler"/> (or not, to end the turn early).</summary>
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate nextHandler, CancellationToken cancellationToken = default);
}
