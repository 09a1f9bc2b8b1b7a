namespace CoachBot.Content;

/// <summary>The emergency numbers and crisis lines for one country (or the default set).</summary>
/// <param name="CountryCode">ISO 3166 two-letter code, or <c>default</c> for the fallback set.</param>
/// <param name="EmergencyNumbers">Emergency numbers, the main one first (never empty).</param>
/// <param name="Lines">Crisis support lines (may be empty for the default set).</param>
public sealed record CrisisLineSet(string CountryCode, IReadOnlyList<string> EmergencyNumbers, IReadOnlyList<CrisisLine> Lines)
{
    /// <summary>The main emergency number, such as 911, 999 or 112.</summary>
    public string EmergencyNumber => EmergencyNumbers[0];

    /// <summary>Whether this is the fallback set used for an unknown or missing locale.</summary>
    public bool IsDefault => CountryCode == CrisisLines.DefaultCode;

    /// <summary>
    /// The placeholder values crisis messages use: <c>emergency_number</c>, and <c>crisis_lines</c>
    /// rendered one line each with <c>safety.crisis_line_item</c> (or <c>safety.crisis_line_item_text</c>
    /// when the line takes texts), or <c>safety.crisis_line_none</c> when there is no line.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToArguments(ContentCatalog messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var rendered = Lines.Count == 0
            ? [messages.Get(MessageKeys.Safety.CrisisLineNone)]
            : Lines.Select(line => messages.Format(
                line.CanText ? MessageKeys.Safety.CrisisLineItemText : MessageKeys.Safety.CrisisLineItem,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["line_name"] = line.Name, ["line_number"] = line.Number }));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["emergency_number"] = EmergencyNumber,
            ["crisis_lines"] = string.Join("\n", rendered),
        };
    }
}
