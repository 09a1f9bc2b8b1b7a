namespace CoachBot.Conversation.Waterfall;

/// <summary>An untyped waterfall whose steps share a <see cref="WaterfallValues"/> bag (prefer <see cref="WaterfallDialog{TState}"/>).</summary>
public class WaterfallDialog : WaterfallDialog<WaterfallValues>
{
    /// <summary>Creates the waterfall.</summary>
    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep<WaterfallValues>>? steps = null, string? version = null)
        : base(dialogId, steps, version)
    {
    }
}
