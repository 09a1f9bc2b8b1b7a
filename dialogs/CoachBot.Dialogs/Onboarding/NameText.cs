namespace CoachBot.Dialogs.Onboarding;

/// <summary>Cleans a typed name ("I'm Sam", "call me Sam." → "Sam").</summary>
internal static class NameText
{
    /// <summary>The name without a lead-in from <paramref name="leads"/> (the name.lead word list), at most 40 characters.</summary>
    public static string? Clean(string? text, IReadOnlyList<string> leads)
    {
        var name = text?.Trim().TrimEnd('.', '!');
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        foreach (var lead in leads)
        {
            if (name.StartsWith(lead + " ", StringComparison.OrdinalIgnoreCase))
            {
                name = name[(lead.Length + 1)..].Trim();
                break;
            }
        }

        return name.Length > 40 ? name[..40] : name;
    }
}
