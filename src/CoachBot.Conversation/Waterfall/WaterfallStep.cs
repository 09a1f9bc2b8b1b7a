namespace CoachBot.Conversation.Waterfall;

/// <summary>One step of a waterfall.</summary>
/// <typeparam name="TState">The dialog's typed, persisted state record.</typeparam>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> stepContext, CancellationToken cancellationToken)
    where TState : class, new();
