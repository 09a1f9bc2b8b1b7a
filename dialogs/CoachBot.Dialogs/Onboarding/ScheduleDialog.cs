using System.Globalization;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Records;

namespace CoachBot.Dialogs.Onboarding;

/// <summary>
/// The check-in schedule: days, local time and IANA time zone. The zone the channel reports (Web Chat
/// <c>localTimezone</c>, Teams clientInfo) is the default: it is confirmed with "Keep it" / "Change it".
/// </summary>
internal sealed class ScheduleDialog : WaterfallDialog<ScheduleState>
{
    private readonly DialogServices _services;

    public ScheduleDialog(DialogServices services)
        : base(DialogIds.Schedule)
    {
        _services = services;
        AddStep(AskDaysStepAsync);
        AddStep(RecordDaysStepAsync);
        AddStep(RecordTimeStepAsync);
        AddStep(RecordTimeZoneStepAsync);
        AddStep(RecordConfirmationStepAsync);
    }

    private Texts Texts => _services.Texts;

    private Task<DialogTurnResult> AskDaysStepAsync(WaterfallStepContext<ScheduleState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.Prompts.Days, Ask.Text(Texts, MessageKeys.Schedule.AskDays, MessageKeys.Retry.Days), cancellationToken);

    private Task<DialogTurnResult> RecordDaysStepAsync(WaterfallStepContext<ScheduleState> step, CancellationToken cancellationToken)
    {
        var days = ScheduleText.ParseDays(step.Result as string);
        step.State.Days = days.Count > 0 ? [.. days] : [DayOfWeek.Monday, DayOfWeek.Thursday];
        return step.PromptAsync(DialogIds.Prompts.Time, Ask.Text(Texts, MessageKeys.Schedule.AskTime, MessageKeys.Retry.Time), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordTimeStepAsync(WaterfallStepContext<ScheduleState> step, CancellationToken cancellationToken)
    {
        step.State.Time = ScheduleText.ParseTime(step.Result as string) ?? new TimeOnly(9, 0);
        step.State.TimeZone = ScheduleText.FromActivity(step.Context.Activity);
        if (step.State.TimeZone is not null)
        {
            return await step.NextAsync(step.State.TimeZone, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(DialogIds.Prompts.TimeZone, Ask.Text(Texts, MessageKeys.Schedule.AskTimeZone, MessageKeys.Retry.TimeZone), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordTimeZoneStepAsync(WaterfallStepContext<ScheduleState> step, CancellationToken cancellationToken)
    {
        step.State.TimeZone = ScheduleText.ParseTimeZone(step.Result as string) ?? step.State.TimeZone ?? "Etc/UTC";
        var schedule = new CheckInSchedule { Days = step.State.Days, LocalTime = step.State.Time ?? new TimeOnly(9, 0), TimeZone = step.State.TimeZone };
        var (days, time) = await SaveAsync(_services, step.Context, schedule, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(
            DialogIds.Prompts.Choice,
            Ask.Choices(Texts, MessageKeys.Schedule.Confirm, MessageKeys.Retry.Choice, [(MessageKeys.Schedule.OptionKeep, WordLists.ScheduleKeep), (MessageKeys.Schedule.OptionChange, WordLists.ScheduleChange)], ("days", days), ("time", time), ("time_zone", schedule.TimeZone)),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordConfirmationStepAsync(WaterfallStepContext<ScheduleState> step, CancellationToken cancellationToken) =>
        Ask.ChosenIndex(step.Result) == 1
            ? await step.ReplaceDialogAsync(Id, null, cancellationToken).ConfigureAwait(false)
            : await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Saves the schedule and returns its days and time as the patient reads them.</summary>
    public static async Task<(string Days, string Time)> SaveAsync(DialogServices services, Protocol.Turns.ITurnContext turn, CheckInSchedule schedule, CancellationToken cancellationToken)
    {
        await services.UpdateAsync(turn, p => p with { Schedule = schedule, TimeZone = schedule.TimeZone }, cancellationToken).ConfigureAwait(false);
        var days = string.Join(", ", schedule.Days.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d)));
        return (days, schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
