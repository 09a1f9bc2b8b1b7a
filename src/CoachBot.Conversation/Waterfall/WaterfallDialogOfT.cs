using CoachBot.Protocol.Schema;

namespace CoachBot.Conversation.Waterfall;

/// <summary>
/// A dialog that runs its steps in order, one user answer per waiting step. Its typed state record
/// <typeparamref name="TState"/> is persisted with the instance, so steps never need a string-keyed bag.
/// The version is the id plus the step count (or an explicit version), so changing a deployed waterfall
/// restarts in-flight instances gracefully instead of resuming them at the wrong step.
/// </summary>
/// <typeparam name="TState">The persisted state record (serialised with System.Text.Json).</typeparam>
public class WaterfallDialog<TState> : Dialog
    where TState : class, new()
{
    private const string StepIndexKey = "stepIndex";
    private const string InstanceIdKey = "instanceId";
    private const string OptionsKey = "options";
    private const string StateKey = "state";

    private readonly List<WaterfallStep<TState>> _steps;
    private readonly string? _explicitVersion;
    private string? _version;

    /// <summary>Creates the waterfall.</summary>
    /// <param name="dialogId">Stable dialog id.</param>
    /// <param name="steps">The steps, in the order they run.</param>
    /// <param name="version">An explicit version; by default the step count is the version.</param>
    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep<TState>>? steps = null, string? version = null)
        : base(dialogId)
    {
        _steps = steps is null ? [] : [.. steps];
        _explicitVersion = version;
    }

    /// <summary>The number of steps.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Adds a step at the end.</summary>
    public WaterfallDialog<TState> AddStep(WaterfallStep<TState> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        _version = null;
        return this;
    }

    /// <inheritdoc />
    public override string GetVersion() => _version ??= Id + ":" + (_explicitVersion ?? _steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dialogContext, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var instance = dialogContext.ActiveDialog!;
        instance.State.Set(InstanceIdKey, Guid.NewGuid().ToString("N"));
        if (options is not null)
        {
            // A copy: the caller's object may change after this; later steps see the options as they were.
            instance.State.SetCopy(OptionsKey, options);
        }

        return RunStepAsync(dialogContext, instance, 0, DialogReason.BeginCalled, null, options, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dialogContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var activity = dialogContext.Context.Activity;
        if (!activity.IsMessage())
        {
            return Task.FromResult(EndOfTurn); // events, invokes and typing never advance a waterfall
        }

        object? result = activity.IsCardSubmit() ? activity.Value : activity.Text;
        return ResumeDialogAsync(dialogContext, DialogReason.ContinueCalled, result, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dialogContext, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogContext);
        var instance = dialogContext.ActiveDialog!;
        var index = instance.State.Get<int>(StepIndexKey) + 1;
        return RunStepAsync(dialogContext, instance, index, reason, result, null, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dialogContext, DialogInstance instance, int index, DialogReason reason, object? result, object? liveOptions, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dialogContext.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        instance.State.Set(StepIndexKey, index);
        var state = instance.State.Get<TState>(StateKey) ?? new TState();
        var options = liveOptions ?? instance.State.GetJson(OptionsKey);
        var step = new WaterfallStepContext<TState>(
            dialogContext,
            index,
            reason,
            result,
            options,
            state,
            () => instance.State.Set(StateKey, state),
            (nextResult, ct) => ResumeDialogAsync(dialogContext, DialogReason.NextCalled, nextResult, ct));
        var turnResult = await _steps[index](step, cancellationToken).ConfigureAwait(false);
        if (turnResult.Status == DialogTurnStatus.Waiting && ReferenceEquals(dialogContext.ActiveDialog, instance))
        {
            instance.State.Set(StateKey, state);
        }

        return turnResult;
    }
}
