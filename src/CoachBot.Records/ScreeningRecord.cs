using System.Text.Json.Serialization;
using CoachBot.Coaching.Screening;

namespace CoachBot.Records;

/// <summary>The pre-exercise screening at onboarding (clinical rules 9.1): the answers, the rules that fired, and the day.</summary>
public sealed record ScreeningRecord
{
    /// <summary>The answers.</summary>
    public required ScreeningAnswers Answers { get; init; }

    /// <summary>The rule ids that fired (empty: the programme could start at once).</summary>
    public required IReadOnlyList<string> RuleIds { get; init; }

    /// <summary>The patient's local day of the screening.</summary>
    public required DateOnly ScreenedOn { get; init; }

    /// <summary>The day of the back surgery (from the weeks given), when there was one in the last 3 months.</summary>
    [JsonIgnore]
    public DateOnly? SurgeryOn => Answers.SurgeryWeeksAgo is int weeks ? ScreenedOn.AddDays(-7 * weeks) : null;
}
