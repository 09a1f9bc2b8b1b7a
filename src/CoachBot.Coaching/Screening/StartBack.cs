using System.Globalization;
using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Screening;

/// <summary>Keele STarT Back scoring (clinical rules 10.1).</summary>
public static class StartBack
{
    /// <summary>The number of agree/disagree items (items 1-8).</summary>
    public const int AgreeItemCount = 8;

    /// <summary>
    /// Scores the questionnaire. <paramref name="agreeItems1To8"/> holds items 1-8 in order (true = agree = 1 point);
    /// item 9 scores 1 only for very much or extremely. Low: total ≤ 3. High: subscale (items 5-9) ≥ 4. Medium: the rest.
    /// </summary>
    /// <exception cref="ArgumentException">Not exactly 8 agree items.</exception>
    public static StartBackResult Score(IReadOnlyList<bool> agreeItems1To8, Bothersomeness item9)
    {
        ArgumentNullException.ThrowIfNull(agreeItems1To8);
        if (agreeItems1To8.Count != AgreeItemCount)
        {
            throw new ArgumentException($"STarT Back needs exactly {AgreeItemCount} agree/disagree answers (items 1-8), got {agreeItems1To8.Count}.", nameof(agreeItems1To8));
        }

        if (!Enum.IsDefined(item9))
        {
            throw new ArgumentOutOfRangeException(nameof(item9), item9, "Unknown item 9 answer.");
        }

        var item9Score = item9 is Bothersomeness.VeryMuch or Bothersomeness.Extremely ? 1 : 0;
        var psychosocial = agreeItems1To8.Skip(4).Count(a => a) + item9Score;
        var total = agreeItems1To8.Take(4).Count(a => a) + psychosocial;
        var risk = psychosocial >= 4 ? StartBackRisk.High
            : total <= 3 ? StartBackRisk.Low
            : StartBackRisk.Medium;
        return new StartBackResult(total, psychosocial, risk);
    }

    /// <summary>
    /// What a coach must know from the result (clinical rules 10.1): high risk is a routine escalation
    /// (<see cref="RuleTable.StartBackHigh"/>), so a person can offer more support alongside the programme; otherwise null.
    /// </summary>
    public static ScreeningFinding? Finding(StartBackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Risk == StartBackRisk.High
            ? new ScreeningFinding(
                RuleTable.StartBackHigh,
                RuleTable.LevelOf(RuleTable.StartBackHigh),
                string.Create(CultureInfo.InvariantCulture, $"STarT Back high risk (total {result.Total}, psychosocial {result.Psychosocial})"))
            : null;
    }
}
