using System.Text.Json;
using CoachBot.Conversation.Prompts;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation.Waterfall;

/// <summary>What a waterfall step sees: the turn, its options, its typed state, and the previous step's result.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class, new()
{
    private readonly Func<object?, CancellationToken, Task<DialogTurnResult>> _next;
    private readonly Action _saveState;
    private readonly object? _options;
    private bool _nextCalled;

    internal WaterfallStepContext(DialogContext dialogContext, int index, DialogReason reason, object? result, object? options, TState state, Action saveState, Func<object?, CancellationToken, Task<DialogTurnResult>> next)
    {
        DialogContext = dialogContext;
        Index = index;
        Reason = reason;
        Result = result;
        _options = options;
        State = state;
        _saveState = saveState;
        _next = next;
    }

    /// <summary>The dialog context (stack verbs).</summary>
    public DialogContext DialogContext { get; }

    /// <summary>The turn.</summary>
    public ITurnContext Context => DialogContext.Context;

    /// <summary>The step's index (0-based).</summary>
    public int Index { get; }

    /// <summary>Why the step runs.</summary>
    public DialogReason Reason { get; }

    /// <summary>
    /// The previous step's result: a prompt's value, a child dialog's result, <c>NextAsync</c>'s argument, or the
    /// message text when the previous step just waited (a card submit's <c>value</c> as a JsonElement).
    /// </summary>
    public object? Result { get; }

    /// <summary>The options the dialog was begun with (the live object in the first turn, JSON afterwards; use <see cref="GetOptions{T}"/>).</summary>
    public object? Options => _options;

    /// <summary>The dialog's typed state, persisted between steps and turns.</summary>
    public TState State { get; }

    /// <summary>True when the previous step's prompt ran out of attempts.</summary>
    public bool IsNoAnswer => Result is PromptNoAnswer;

    /// <summary>The begin options as <typeparamref name="T"/>.</summary>
    public T? GetOptions<T>() => _options switch
    {
        T typed => typed,
        JsonElement element => element.Deserialize<T>(StateJson.Options),
        _ => default,
    };

    /// <summary>The previous result as <typeparamref name="T"/> (converting JSON when needed).</summary>
    public T? ResultAs<T>() => Result switch
    {
        T typed => typed,
        JsonElement element => element.Deserialize<T>(StateJson.Options),
        _ => default,
    };

    /// <summary>Runs the next step now with <paramref name="result"/>. May be called once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index}.");
        }

        _nextCalled = true;
        _saveState();
        return _next(result, cancellationToken);
    }

    /// <summary>Begins a prompt; its value becomes the next step's <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        _saveState();
        return DialogContext.PromptAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Begins a child dialog; its result becomes the next step's <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        _saveState();
        return DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Ends the waterfall with a result.</summary>
    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        _saveState();
        return DialogContext.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Replaces the waterfall with another dialog (or itself, to loop).</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        _saveState();
        return DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Ends the step and waits for the user's next message (its text becomes the next step's result).</summary>
    public DialogTurnResult EndOfTurn()
    {
        _saveState();
        return Dialog.EndOfTurn;
    }
}
