using CoachBot.Protocol.Turns;

namespace CoachBot.Protocol.State;

/// <summary>A typed, named property of a <see cref="BotState"/> (one top-level key of its JSON document).</summary>
/// <typeparam name="T">The property's type; stored with <see cref="StateJson.Options"/>.</typeparam>
public interface IStatePropertyAccessor<T>
{
    /// <summary>The property name (the JSON key in the state document).</summary>
    string Name { get; }

    /// <summary>Gets the value, creating and caching the default when the property is absent.</summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken = default);

    /// <summary>Gets the value, or <c>default</c> when the property is absent.</summary>
    Task<T?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);

    /// <summary>Sets the value for this turn; it is written when the turn commits.</summary>
    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    /// <summary>Removes the property; the removal is written when the turn commits.</summary>
    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
