using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Content;
using CoachBot.Conversation;
using CoachBot.Conversation.Waterfall;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Turns;
using CoachBot.Records;

namespace CoachBot.Dialogs.Actions;

/// <summary>
/// "Remind me later": sets <see cref="PatientRecord.RemindLaterAt"/> for the scheduler and confirms in plain words. A
/// time in the message ("in an hour", "in 3 hours", "tonight", "tomorrow") is used at once; otherwise the patient picks
/// from buttons (in 1 hour, in 2 hours, this evening, tomorrow), and anything else means the default of 2 hours.
/// </summary>
internal sealed class RemindLaterDialog : WaterfallDialog<NoState>
{
    /// <summary>The default delay.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromHours(2);

    /// <summary>"This evening" is at this local time (or in an hour when that has passed).</summary>
    public static readonly TimeOnly EveningTime = new(19, 0);

    /// <summary>"Tomorrow" is at the patient's check-in time, else at this local time.</summary>
    public static readonly TimeOnly MorningTime = new(9, 0);

    /// <summary>The number words ("a", "two", ...) by value, from 1.</summary>
    private static readonly string[] NumberLists = [WordLists.NumberOne, WordLists.NumberTwo, WordLists.NumberThree, WordLists.NumberFour];

    private readonly DialogServices _services;

    public RemindLaterDialog(DialogServices services)
        : base(DialogIds.RemindLater)
    {
        _services = services;
        AddStep(AskWhenStepAsync);
        AddStep(RecordWhenStepAsync);
    }

    private enum When
    {
        Hours,
        Evening,
        Tomorrow,
    }

    private async Task<DialogTurnResult> AskWhenStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        if (Parse(_services.Texts, step.Context.Activity.Text) is { } picked)
        {
            await SetAsync(step.Context, picked.When, picked.Hours, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var options = Ask.Choices(
            _services.Texts,
            MessageKeys.Reminder.AskWhen,
            MessageKeys.Reminder.AskWhen,
            [
                (MessageKeys.Reminder.OptionOneHour, WordLists.ReminderOneHour),
                (MessageKeys.Reminder.OptionTwoHours, WordLists.ReminderTwoHours),
                (MessageKeys.Reminder.OptionThisEvening, WordLists.ReminderThisEvening),
                (MessageKeys.Reminder.OptionTomorrow, WordLists.ReminderTomorrow),
            ]);
        options.MaxAttempts = 1;
        return await step.PromptAsync(DialogIds.Prompts.Choice, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordWhenStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var (when, hours) = Ask.ChosenIndex(step.Result) switch
        {
            0 => (When.Hours, 1),
            2 => (When.Evening, 0),
            3 => (When.Tomorrow, 0),
            _ => (When.Hours, (int)DefaultDelay.TotalHours), // "In 2 hours", or the default
        };
        await SetAsync(step.Context, when, hours, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task SetAsync(ITurnContext turn, When when, int hours, CancellationToken cancellationToken)
    {
        var patient = await _services.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        var now = _services.Time.GetUtcNow();
        var local = _services.LocalNow(patient);
        var today = DateOnly.FromDateTime(local.DateTime);
        DateTimeOffset at;
        string whenText;
        switch (when)
        {
            case When.Evening when TimeOnly.FromDateTime(local.DateTime) < EveningTime.AddHours(-1):
                at = PatientAccess.FromLocal(today, EveningTime, patient);
                whenText = _services.Texts.Get(MessageKeys.Reminder.WhenThisEvening, ("time", Clock(EveningTime)));
                break;
            case When.Evening:
                (at, whenText) = (now.AddHours(1), _services.Texts.Get(MessageKeys.Reminder.WhenOneHour)); // the evening has come: in an hour
                break;
            case When.Tomorrow:
                var time = patient.Schedule?.LocalTime ?? MorningTime;
                at = PatientAccess.FromLocal(today.AddDays(1), time, patient);
                whenText = _services.Texts.Get(MessageKeys.Reminder.WhenTomorrow, ("time", Clock(time)));
                break;
            default:
                at = now.AddHours(hours);
                whenText = hours == 1 ? _services.Texts.Get(MessageKeys.Reminder.WhenOneHour) : _services.Texts.Get(MessageKeys.Reminder.WhenHours, ("number", hours.ToString(CultureInfo.InvariantCulture)));
                break;
        }

        await _services.UpdateAsync(turn, p => p with { RemindLaterAt = at }, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(_services.Texts.Get(MessageKeys.Reminder.Confirmed, ("when", whenText)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A time named in the message itself, or null (then the patient is asked).</summary>
    private static (When When, int Hours)? Parse(Texts texts, string? text)
    {
        var lower = (text ?? string.Empty).ToLowerInvariant();
        if (texts.Words(WordLists.ReminderTomorrow).Any(w => lower.Contains(w, StringComparison.Ordinal)))
        {
            return (When.Tomorrow, 0);
        }

        if (texts.Words(WordLists.ReminderThisEvening).Any(w => lower.Contains(w, StringComparison.Ordinal)))
        {
            return (When.Evening, 0);
        }

        if (HoursFromNow(texts, lower) is { } hours)
        {
            return hours is >= 1 and <= 12 ? (When.Hours, hours) : null;
        }

        return null;
    }

    /// <summary>The hours in a phrase of <see cref="WordLists.ReminderInHours"/> ("in {n} hours"), {n} digits or a number word.</summary>
    private static int? HoursFromNow(Texts texts, string lower)
    {
        var numberWords = NumberLists.SelectMany((list, i) => texts.Words(list).Select(word => (Word: word, Value: i + 1))).ToList();
        var number = @"(?<n>\d{1,2}|" + string.Join('|', numberWords.Select(n => Regex.Escape(n.Word))) + ")";
        foreach (var phrase in texts.Words(WordLists.ReminderInHours))
        {
            var parts = phrase.Split("{n}");
            var pattern = @"\b" + Regex.Escape(parts[0]) + number + Regex.Escape(parts[^1]) + @"\b";
            if (parts.Length == 2 && Regex.Match(lower, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) is { Success: true } match)
            {
                var n = match.Groups["n"].Value;
                return int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var digits)
                    ? digits
                    : numberWords.First(w => string.Equals(w.Word, n, StringComparison.Ordinal)).Value;
            }
        }

        return null;
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
