namespace CoachBot.Conversation.Waterfall;

/// <summary>The <c>Values</c> bag of untyped waterfalls.</summary>
public static class WaterfallStepContextExtensions
{
    extension(WaterfallStepContext<WaterfallValues> stepContext)
    {
        /// <summary>The persisted string-keyed values of an untyped waterfall.</summary>
        public WaterfallValues Values => stepContext.State;
    }
}
