namespace CoachBot.Content;

/// <summary>
/// Content is missing or malformed: a message key, a placeholder, a lesson or a crisis-line entry.
/// The message always names the key, file or locale at fault so it can be fixed without a debugger.
/// </summary>
public sealed class ContentException : Exception
{
    public ContentException()
        : this("The content is missing or malformed.")
    {
    }

    public ContentException(string message)
        : base(message)
    {
    }

    public ContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Every problem found, one line each (a single item when one problem was found).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Creates one exception that lists several problems, one per line.</summary>
    public static ContentException FromProblems(string heading, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var text = heading + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p));
        return new ContentException(text) { Problems = problems };
    }
}
