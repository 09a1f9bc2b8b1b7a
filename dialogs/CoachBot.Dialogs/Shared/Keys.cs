using CoachBot.Content;

namespace CoachBot.Dialogs.Shared;

/// <summary>
/// Message keys the dialogs pick at run time (by item, pain type, red flag or token). Keys named in code are
/// <see cref="MessageKeys"/> constants and checked by the compiler; these are checked at start-up through <see cref="All"/>.
/// </summary>
internal static class Keys
{
    /// <summary>STarT Back items 1 to 8, in order.</summary>
    public static IReadOnlyList<string> StartBackQuestions { get; } =
    [
        MessageKeys.Startback.Q1, MessageKeys.Startback.Q2, MessageKeys.Startback.Q3, MessageKeys.Startback.Q4,
        MessageKeys.Startback.Q5, MessageKeys.Startback.Q6, MessageKeys.Startback.Q7, MessageKeys.Startback.Q8,
    ];

    /// <summary>Item 9 options, in <c>Bothersomeness</c> order.</summary>
    public static IReadOnlyList<string> StartBackQ9Options { get; } =
    [
        MessageKeys.Startback.Q9OptionNotAtAll, MessageKeys.Startback.Q9OptionSlightly, MessageKeys.Startback.Q9OptionModerately,
        MessageKeys.Startback.Q9OptionVeryMuch, MessageKeys.Startback.Q9OptionExtremely,
    ];

    /// <summary>Every key the dialogs choose at run time (lists, pain types, red flags, coaching-core tokens).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. StartBackQuestions
            .Concat(StartBackQ9Options)
            .Concat(PainTypeKeys.All.Values)
            .Concat(RedFlagQuestions.All.Select(q => q.Key))
            .Concat(TokenMessages.KnownTokens.Select(TokenMessages.KeyFor))
            .Append(TokenMessages.CoachWillContactYouKey(sameDay: true, withCoachName: false))
            .Distinct(StringComparer.Ordinal),
    ];
}
