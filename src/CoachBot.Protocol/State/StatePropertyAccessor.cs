using CoachBot.Protocol.Turns;

namespace CoachBot.Protocol.State;

/// <summary>Accessor over one top-level property of a <see cref="BotState"/> document.</summary>
internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(defaultValueFactory);
        var cached = await state.GetOrLoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (cached.TryGet<T>(Name, out var value) && value is not null)
        {
            return value;
        }

        value = defaultValueFactory();
        cached.Set(Name, value);
        return value;
    }

    public async Task<T?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = await state.GetOrLoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return cached.TryGet<T>(Name, out var value) ? value : default;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = await state.GetOrLoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cached.Set(Name, value);
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = await state.GetOrLoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cached.Delete(Name);
    }
}
