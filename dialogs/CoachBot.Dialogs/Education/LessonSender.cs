using CoachBot.Content;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;

namespace CoachBot.Dialogs;

/// <summary>Sends a lesson (title and body from content/education) and remembers that the patient read it.</summary>
internal static class LessonSender
{
    public static async Task SendAsync(DialogServices services, ITurnContext turn, string lessonId, CancellationToken cancellationToken)
    {
        var lesson = services.Content.Lessons.GetById(lessonId);
        await turn.SendActivityAsync("**" + lesson.Title + "**\n\n" + lesson.Body.Trim(), cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(services.Texts.Get(MessageKeys.Lesson.After), cancellationToken).ConfigureAwait(false);
        await services.UpdateAsync(turn, p => p.LessonsSeen.Contains(lessonId) ? p : p with { LessonsSeen = [.. p.LessonsSeen, lessonId] }, cancellationToken).ConfigureAwait(false);
    }
}
