namespace CoachBot.Dialogs.Onboarding;

/// <summary>Cleans a typed name ("I'm Sam", "call me Sam." → "Sam").</summary>
internal static class NameText
{
    private static readonly string[] Lead = ["my name is ", "i'm ", "im ", "i am ", "call me ", "it's ", "its "];

    public static string? Clean(string? text)
    {
        var name = text?.Trim().TrimEnd('.', '!');
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        foreach (var lead in Lead)
        {
            if (name.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                name = name[lead.Length..].Trim();
                break;
            }
        }

        return name.Length > 40 ? name[..40] : name;
    }
}
