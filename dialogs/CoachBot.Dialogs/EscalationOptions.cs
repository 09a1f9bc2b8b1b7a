using Microsoft.Extensions.Options;

namespace CoachBot.Dialogs;

/// <summary>
/// The <c>Escalations</c> section: how many escalations one conversation may raise, and how much of a patient's
/// words an escalation keeps. A flood of red-flag messages from one chat then reaches the coach queue and the Teams
/// channel as the first few escalations, each counting the ones folded into it ("and N more").
/// </summary>
public sealed class EscalationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Escalations";

    /// <summary>New escalations of one level that one conversation may raise per <see cref="Window"/>; later ones are counted on the last.</summary>
    public int MaxPerConversation { get; set; } = 3;

    /// <summary>The window the cap counts in. Default one day.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The longest excerpt of the patient's words stored on an escalation, in characters.</summary>
    public int MaxPatientWords { get; set; } = 500;
}

/// <summary>Stops start-up when an <c>Escalations</c> value is out of range.</summary>
internal sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxPerConversation < 1)
        {
            failures.Add($"{EscalationOptions.SectionName}:MaxPerConversation must be 1 or more (was {options.MaxPerConversation}).");
        }

        if (options.Window <= TimeSpan.Zero)
        {
            failures.Add($"{EscalationOptions.SectionName}:Window must be positive.");
        }

        if (options.MaxPatientWords is < 20 or > 4000)
        {
            failures.Add($"{EscalationOptions.SectionName}:MaxPatientWords must be between 20 and 4000 (was {options.MaxPatientWords}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Per level, the escalations this conversation raised in the current window (kept in conversation state).</summary>
internal sealed class EscalationCounts
{
    /// <summary>The windows by level name.</summary>
    public Dictionary<string, EscalationWindow> Levels { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One level's window: when it started, how many were raised, and the last one raised.</summary>
internal sealed class EscalationWindow
{
    public DateTimeOffset Start { get; set; }

    public int Raised { get; set; }

    public string? LastId { get; set; }
}
