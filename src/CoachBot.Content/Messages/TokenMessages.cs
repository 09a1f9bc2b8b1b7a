using System.Text;

namespace CoachBot.Content;

/// <summary>
/// Maps the coaching core's message tokens (<c>mustMention</c>, clinical rules 0.3) to catalog keys:
/// <c>"seek emergency care"</c> → <c>token.seek_emergency_care</c>. Every known token has a message
/// that carries its meaning in plain words.
/// </summary>
/// <remarks>
/// <c>coach will contact you</c> has four messages: the plain key (routine, within 2 working days), and
/// <c>_today</c> (urgent, same day) and <c>_named</c> forms that take a <c>{coach_name}</c>. Use
/// <see cref="CoachWillContactYouKey"/> to pick one.
/// </remarks>
public static class TokenMessages
{
    /// <summary>The tokens of clinical rules section 0.3, as the core returns them.</summary>
    public static IReadOnlyList<string> KnownTokens { get; } =
    [
        "seek emergency care", "see a doctor today", "crisis line", "coach will contact you", "stop the exercise",
        "reduce the load", "keep moving gently", "flare-up plan", "confirm flare-up status", "check with your surgeon",
        "train 2-3 times a week", "increase the load slightly", "soreness is normal",
    ];

    /// <summary>The catalog key for a token: <c>token.</c> plus the token in lower snake case.</summary>
    public static string KeyFor(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var key = new StringBuilder("token.");
        var pendingSeparator = false;
        foreach (var c in token.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSeparator && key.Length > "token.".Length)
                {
                    key.Append('_');
                }

                key.Append(c);
                pendingSeparator = false;
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return key.ToString();
    }

    /// <summary>The "coach will contact you" key for the escalation's timing, with or without a coach's name.</summary>
    /// <param name="sameDay">True for urgent escalations (a person calls today); false for routine ones (2 working days).</param>
    /// <param name="withCoachName">True when the caller will pass <c>{coach_name}</c>.</param>
    public static string CoachWillContactYouKey(bool sameDay, bool withCoachName) => (sameDay, withCoachName) switch
    {
        (false, false) => MessageKeys.Token.CoachWillContactYou,
        (false, true) => MessageKeys.Token.CoachWillContactYouNamed,
        (true, false) => MessageKeys.Token.CoachWillContactYouToday,
        (true, true) => MessageKeys.Token.CoachWillContactYouTodayNamed,
    };
}
