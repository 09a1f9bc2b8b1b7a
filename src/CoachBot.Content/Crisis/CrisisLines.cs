using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Content;

/// <summary>
/// Crisis and emergency numbers per country, from <c>crisis-lines.json</c> under the content root
/// (clinical rules 3.3: numbers are data, not code). A locale such as <c>en-GB</c> resolves by its
/// region; an unknown or missing region falls back to the default set (112).
/// </summary>
public sealed class CrisisLines
{
    /// <summary>The country code of the fallback set.</summary>
    public const string DefaultCode = "default";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, CrisisLineSet> _countries;
    private readonly Dictionary<string, string> _aliases;

    private CrisisLines(CrisisLineSet fallback, Dictionary<string, CrisisLineSet> countries, Dictionary<string, string> aliases)
    {
        Default = fallback;
        _countries = countries;
        _aliases = aliases;
    }

    /// <summary>The set used when the country is unknown.</summary>
    public CrisisLineSet Default { get; }

    /// <summary>The country codes that have their own set.</summary>
    public IReadOnlyCollection<string> Countries => _countries.Keys;

    /// <summary>Loads <c>crisis-lines.json</c> from <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentException">The file is missing or malformed; the message says what and where.</exception>
    public static CrisisLines Load(string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var path = Path.Combine(contentRoot, "crisis-lines.json");
        if (!File.Exists(path))
        {
            throw new ContentException($"Crisis line data not found: '{path}'. Check the content root setting.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses crisis-line JSON; <paramref name="sourceName"/> is used in error messages.</summary>
    /// <exception cref="ContentException">The JSON is malformed or incomplete; every problem is listed.</exception>
    public static CrisisLines Parse(string json, string sourceName = "crisis-lines.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        CrisisFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CrisisFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ContentException($"Crisis line data '{sourceName}' is not valid: {ex.Message}", ex);
        }

        var problems = new List<string>();
        if (file?.Default is null)
        {
            problems.Add("'default': a fallback set with an emergency number is required");
        }

        var fallback = file?.Default is null ? null : ToSet(DefaultCode, file.Default, problems);
        var countries = new Dictionary<string, CrisisLineSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, entry) in file?.Countries ?? [])
        {
            if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            {
                problems.Add($"'countries.{code}': use a two-letter upper-case country code, like 'GB'");
                continue;
            }

            var set = ToSet(code, entry, problems);
            if (set is not null)
            {
                countries[code] = set;
            }
        }

        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (alias, target) in file?.Aliases ?? [])
        {
            if (!countries.ContainsKey(target))
            {
                problems.Add($"'aliases.{alias}': points to '{target}', which has no entry under 'countries'");
                continue;
            }

            aliases[alias] = target;
        }

        if (problems.Count > 0 || fallback is null)
        {
            throw ContentException.FromProblems($"Crisis line data '{sourceName}' has {problems.Count} problem(s):", problems);
        }

        return new CrisisLines(fallback, countries, aliases);
    }

    /// <summary>
    /// The set for a locale such as <c>en-US</c>, <c>en_GB</c> or <c>ga-IE</c> (by its region part).
    /// A locale without a region, an unknown region, or null gives <see cref="Default"/>.
    /// </summary>
    public CrisisLineSet ForLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Default;
        }

        var parts = locale.Trim().Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        var region = parts.Skip(1).FirstOrDefault(p => p.Length == 2 && p.All(char.IsAsciiLetter));
        return region is null ? Default : ForCountry(region);
    }

    /// <summary>The set for a two-letter country code (case-insensitive; aliases such as UK allowed), or <see cref="Default"/>.</summary>
    public CrisisLineSet ForCountry(string? countryCode)
    {
        if (string.IsNullOrWhiteSpace(countryCode))
        {
            return Default;
        }

        var code = _aliases.TryGetValue(countryCode.Trim(), out var target) ? target : countryCode.Trim();
        return _countries.TryGetValue(code, out var set) ? set : Default;
    }

    private static CrisisLineSet? ToSet(string code, CrisisEntry entry, List<string> problems)
    {
        var where = code == DefaultCode ? "'default'" : $"'countries.{code}'";
        var before = problems.Count;
        if (entry.EmergencyNumbers is not { Count: > 0 } || entry.EmergencyNumbers.Any(n => !IsPhoneNumber(n)))
        {
            problems.Add($"{where}: 'emergencyNumbers' needs at least one number made of digits and spaces");
        }

        var lines = entry.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i].Name) || !IsPhoneNumber(lines[i].Number))
            {
                problems.Add($"{where} line {i + 1}: needs a 'name' and a 'number' made of digits and spaces");
            }
        }

        return problems.Count > before
            ? null
            : new CrisisLineSet(code, [.. entry.EmergencyNumbers!], [.. lines.Select(l => new CrisisLine(l.Name!.Trim(), l.Number!.Trim(), l.CanText))]);
    }

    private static bool IsPhoneNumber(string? number) =>
        !string.IsNullOrWhiteSpace(number) && number.Any(char.IsAsciiDigit) && number.All(c => char.IsAsciiDigit(c) || c == ' ');

    private sealed record CrisisFile(CrisisEntry? Default, Dictionary<string, CrisisEntry>? Countries, Dictionary<string, string>? Aliases);

    private sealed record CrisisEntry(List<string>? EmergencyNumbers, List<CrisisLineEntry>? Lines);

    private sealed record CrisisLineEntry(string? Name, string? Number, bool CanText);
}
