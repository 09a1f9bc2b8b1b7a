namespace CoachBot.Protocol.Turns;

/// <summary>The bot: handles one turn. Registered as a singleton, so keep it stateless.</summary>
public interface IBot
{
    /// <summary>Handles the turn's activity.</summary>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
