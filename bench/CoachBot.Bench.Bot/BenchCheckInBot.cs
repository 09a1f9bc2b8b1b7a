using CoachBot.Conversation;
using CoachBot.Conversation.Choices;
using CoachBot.Conversation.Prompts;
using CoachBot.Conversation.Waterfall;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;

namespace CoachBot.Bench.Bot;

/// <summary>
/// The benchmark's 4-step check-in, step for step the peer's bot.js: a number prompt (0..10, retry prompt),
/// a choice prompt (ache, sharp, radiating, stiffness, listed inline in the text), a confirm prompt, and a reply
/// that starts with "Decision: progress|hold|pause". The wording is the peer's (bench-only text, not patient content).
/// </summary>
public sealed class BenchCheckInBot : IBot
{
    private const string CheckInId = "bench.checkin";
    private const string PainPromptId = "bench.pain";
    private const string KindPromptId = "bench.kind";
    private const string SettledPromptId = "bench.settled";

    private static readonly List<Choice> KindChoices = [.. BenchDecision.PainKinds.Select(k => new Choice(k))];

    private readonly DialogRunner _runner;

    /// <summary>Builds the dialogs over the conversation state.</summary>
    public BenchCheckInBot(ConversationState conversationState)
    {
        var checkIn = new ComponentCheckIn();
        _runner = new DialogRunner(checkIn, conversationState);
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.IsMessage())
        {
            await _runner.RunAsync(turnContext, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The state the check-in keeps between its steps.</summary>
    public sealed class CheckInState
    {
        /// <summary>Pain now, 0..10.</summary>
        public int Pain { get; set; }

        /// <summary>The kind of pain chosen.</summary>
        public string? Kind { get; set; }
    }

    private sealed class ComponentCheckIn : ComponentDialog
    {
        public ComponentCheckIn()
            : base(CheckInId)
        {
            AddDialog(new WaterfallDialog<CheckInState>(CheckInId + ".steps", [AskPainAsync, AskKindAsync, AskSettledAsync, DecideAsync]));
            AddDialog(new NumberPrompt<int>(PainPromptId) { Min = 0, Max = 10 });
            AddDialog(new ChoicePrompt(KindPromptId));
            AddDialog(new ConfirmPrompt(SettledPromptId));
        }

        private static Task<DialogTurnResult> AskPainAsync(WaterfallStepContext<CheckInState> step, CancellationToken ct) =>
            step.PromptAsync(
                PainPromptId,
                new PromptOptions
                {
                    Prompt = Activity.CreateMessage("How bad is your back pain right now, 0 to 10?"),
                    RetryPrompt = Activity.CreateMessage("Please answer with a whole number from 0 to 10."),
                },
                ct);

        private static Task<DialogTurnResult> AskKindAsync(WaterfallStepContext<CheckInState> step, CancellationToken ct)
        {
            step.State.Pain = step.ResultAs<int>();
            return step.PromptAsync(
                KindPromptId,
                new PromptOptions
                {
                    Prompt = Activity.CreateMessage("What kind of pain? (1) ache, (2) sharp, (3) radiating, or (4) stiffness"),
                    RetryPrompt = Activity.CreateMessage("Please pick one: ache, sharp, radiating or stiffness."),
                    Choices = KindChoices,
                    Style = ListStyle.None,
                },
                ct);
        }

        private static Task<DialogTurnResult> AskSettledAsync(WaterfallStepContext<CheckInState> step, CancellationToken ct)
        {
            step.State.Kind = step.ResultAs<FoundChoice>()?.Value;
            return step.PromptAsync(
                SettledPromptId,
                new PromptOptions
                {
                    Prompt = Activity.CreateMessage("Did the pain settle by the next morning after your last session? (1) Yes or (2) No"),
                    RetryPrompt = Activity.CreateMessage("Please answer yes or no."),
                },
                ct);
        }

        private static async Task<DialogTurnResult> DecideAsync(WaterfallStepContext<CheckInState> step, CancellationToken ct)
        {
            var decision = BenchDecision.Decide(step.State.Pain, step.State.Kind ?? string.Empty, step.ResultAs<bool>());
            await step.Context.SendActivityAsync(DecisionText(decision), ct).ConfigureAwait(false);
            return await step.EndDialogAsync(decision, ct).ConfigureAwait(false);
        }

        private static string DecisionText(string decision) => decision switch
        {
            "progress" => "Decision: progress. Your back tolerated the last session; next session steps up a little.",
            "hold" => "Decision: hold. Repeat the last session at the same level and check in again.",
            _ => "Decision: pause. Skip loading for now and rest; contact your clinician if it does not ease.",
        };
    }
}
