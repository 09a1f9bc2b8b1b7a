using System.Globalization;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Actions;
using CoachBot.Dialogs.Shared;

namespace CoachBot.Dialogs.Education;

/// <summary>Pain-science lessons: one lesson directly, or the menu and then the lesson picked by number.</summary>
internal sealed class LessonDialog : WaterfallDialog<NoState>
{
    private readonly DialogServices _services;

    public LessonDialog(DialogServices services)
        : base(DialogIds.Lesson)
    {
        _services = services;
        AddStep(AskLessonStepAsync);
        AddStep(RecordLessonStepAsync);
    }

    private async Task<DialogTurnResult> AskLessonStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        if (step.GetOptions<LessonOptions>()?.LessonId is { } id)
        {
            await LessonSender.SendAsync(_services, step.Context, id, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var texts = _services.Texts;
        var menu = _services.Content.Lessons.Menu()
            .Select(m => texts.Get(MessageKeys.Lesson.MenuItem, ("number", m.Number.ToString(CultureInfo.InvariantCulture)), ("title", m.Title)));
        var options = Ask.Text(texts, MessageKeys.Lesson.MenuIntro, MessageKeys.Lesson.NotFound);
        options.Prompt!.Text = texts.Get(MessageKeys.Lesson.MenuIntro) + "\n" + string.Join("\n", menu);
        options.MaxAttempts = 2;
        return await step.PromptAsync(DialogIds.Prompts.LessonNumber, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordLessonStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        if (step.Result is int number && _services.Content.Lessons.FindByNumber(number) is { } lesson)
        {
            await LessonSender.SendAsync(_services, step.Context, lesson.Id, cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
