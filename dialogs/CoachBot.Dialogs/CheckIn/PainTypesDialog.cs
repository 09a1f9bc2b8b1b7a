using CoachBot.Coaching.CheckIns;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Choices;
using CoachBot.Conversation.Prompts;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.CheckIn;

/// <summary>
/// Pain types, several at once: each tap (one message in Web Chat) adds a type and asks "anything else?" with the
/// types not picked yet, until "Done" or "None of these". A typed list ("ache and stiffness", "1, 3") or one Adaptive
/// Card submit carrying several values is a whole answer and ends the step at once. Loops by replacing itself.
/// </summary>
internal sealed class PainTypesDialog : WaterfallDialog<PainTypesState>
{
    /// <summary>The code of the "Done" option in <see cref="PainTypesState.Offered"/>.</summary>
    public const string DoneCode = "done";

    /// <summary>The code of the "None of these" option in <see cref="PainTypesState.Offered"/>.</summary>
    public const string NoneCode = "none";

    private readonly DialogServices _services;

    public PainTypesDialog(DialogServices services)
        : base(DialogIds.PainTypes)
    {
        _services = services;
        AddStep(AskStepAsync);
        AddStep(RecordStepAsync);
    }

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<PainTypesState> step, CancellationToken cancellationToken)
    {
        var picked = step.GetOptions<PainTypesState>()?.Picked ?? [];
        step.State.Picked = [.. picked];
        var texts = _services.Texts;
        var offered = new List<string>();
        var choices = new List<Choice>();
        foreach (var (type, key) in PainTypeKeys.All.Where(p => !picked.Contains(p.Key)))
        {
            offered.Add(WireName(type));
            choices.Add(new Choice(texts.Get(key), [WireName(type), .. texts.Words(PainTypeKeys.WordLists[type])]));
        }

        offered.Add(DoneCode);
        choices.Add(new Choice(texts.Get(MessageKeys.Checkin.PainTypesOptionDone), texts.Words(WordLists.PainTypesDone)));
        if (picked.Count == 0)
        {
            offered.Add(NoneCode);
            choices.Add(new Choice(texts.Get(MessageKeys.Checkin.PainTypesOptionNone), texts.Words(WordLists.PainTypesNone)));
        }

        step.State.Offered = offered;
        var options = new PromptOptions
        {
            Prompt = Activity.CreateMessage(texts.Get(picked.Count == 0 ? MessageKeys.Checkin.AskPainTypes : MessageKeys.Checkin.PainTypesAskMore)),
            RetryPrompt = Activity.CreateMessage(texts.Get(MessageKeys.Retry.MultiChoice)),
            Choices = choices,
        };
        return await step.PromptAsync(DialogIds.Prompts.MultiChoice, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordStepAsync(WaterfallStepContext<PainTypesState> step, CancellationToken cancellationToken)
    {
        var picked = step.State.Picked;
        if (step.Result is not IReadOnlyList<FoundChoice> found)
        {
            return await step.EndDialogAsync(new PainTypesResult(picked), cancellationToken).ConfigureAwait(false); // gave up: keep what was picked
        }

        var codes = found.Where(f => f.Index < step.State.Offered.Count).Select(f => step.State.Offered[f.Index]).ToList();
        var newTypes = codes.Select(ParseWireName).OfType<PainType>().ToList();
        picked.AddRange(newTypes.Where(t => !picked.Contains(t)));
        var finished = codes.Contains(DoneCode) || codes.Contains(NoneCode) || newTypes.Count >= 2 || step.Context.Activity.IsCardSubmit()
            || picked.Count == PainTypeKeys.All.Count;
        return finished
            ? await step.EndDialogAsync(new PainTypesResult(picked), cancellationToken).ConfigureAwait(false)
            : await step.ReplaceDialogAsync(Id, new PainTypesState { Picked = picked }, cancellationToken).ConfigureAwait(false);
    }

    private static string WireName(PainType type) => type.ToString().ToLowerInvariant();

    private static PainType? ParseWireName(string code) => Enum.TryParse<PainType>(code, ignoreCase: true, out var type) && code != DoneCode && code != NoneCode ? type : null;
}

/// <summary>The pain types picked so far, and the option codes the pending question offered (in button order).</summary>
internal sealed class PainTypesState
{
    public List<PainType> Picked { get; set; } = [];

    public List<string> Offered { get; set; } = [];
}

/// <summary>The pain types the patient picked (empty for "None of these").</summary>
internal sealed record PainTypesResult(IReadOnlyList<PainType> Types);
