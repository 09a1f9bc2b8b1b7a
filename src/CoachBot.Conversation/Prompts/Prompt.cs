using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;

namespace CoachBot.Conversation.Prompts;

/// <summary>
/// The prompt template: send the question, then for each message recognise → count the attempt →
/// validate → end with the value, or re-ask (only if nothing else was said this turn), or after
/// <see cref="PromptOptions.MaxAttempts"/> end with <see cref="PromptNoAnswer"/>. Non-message activities
/// never satisfy a prompt and do not count as attempts.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string AttemptCountKey = "attemptCount";
    private readonly PromptValidator<T>? _validator;

    /// <summary>Creates the prompt.</summary>
    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    /// <summary>Attempts allowed when the options do not say. Default 3.</summary>
    public int DefaultMaxAttempts { get; init; } = 3;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var promptOptions = options as PromptOptions ?? throw new ArgumentException($"Prompt '{Id}' must be begun with PromptOptions.", nameof(options));
        var instance = dialogContext.ActiveDialog!;
        instance.State.SetCopy(OptionsKey, promptOptions, PromptJson.Options);
        instance.State.Set(AttemptCountKey, 0);
        await SendPromptAsync(dialogContext.Context, instance, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var turn = dialogContext.Context;
        if (!turn.Activity.IsMessage())
        {
            return EndOfTurn;
        }

        var instance = dialogContext.ActiveDialog!;
        var options = LoadOptions(instance);
        var attempts = instance.State.Get<int>(AttemptCountKey) + 1;
        instance.State.Set(AttemptCountKey, attempts);

        var recognized = await OnRecognizeAsync(turn, options, cancellationToken).ConfigureAwait(false);
        var valid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(turn, recognized, options, attempts), cancellationToken).ConfigureAwait(false);
        if (valid)
        {
            return await dialogContext.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        var maxAttempts = options.MaxAttempts ?? DefaultMaxAttempts;
        if (maxAttempts > 0 && attempts >= maxAttempts)
        {
            return await dialogContext.EndDialogAsync(PromptNoAnswer.Instance, cancellationToken).ConfigureAwait(false);
        }

        if (!turn.Responded)
        {
            await SendPromptAsync(turn, instance, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        await RepromptDialogAsync(dialogContext.Context, dialogContext.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        SendPromptAsync(turnContext, instance, isRetry: false, cancellationToken);

    /// <summary>Recognises the answer in the turn's message.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>Adds prompt-specific decoration (e.g. choice buttons) to the outgoing question.</summary>
    protected virtual void DecoratePrompt(ITurnContext turnContext, Activity prompt, PromptOptions options)
    {
    }

    private static PromptOptions LoadOptions(DialogInstance instance) =>
        instance.State.GetCopy<PromptOptions>(OptionsKey, PromptJson.Options) ?? new PromptOptions();

    private async Task SendPromptAsync(ITurnContext turnContext, DialogInstance instance, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);

        // A fresh copy from the stored options: the caller's activity objects are never addressed or mutated.
        var options = LoadOptions(instance);
        var activity = isRetry ? options.RetryPrompt ?? options.Prompt : options.Prompt;
        if (activity is null)
        {
            return;
        }

        activity.InputHint ??= InputHints.ExpectingInput;
        DecoratePrompt(turnContext, activity, options);
        await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
    }
}
