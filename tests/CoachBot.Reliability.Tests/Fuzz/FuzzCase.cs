namespace CoachBot.Reliability.Tests.Fuzz;

/// <summary>One hostile request: where it goes, what it carries and which family of damage it belongs to.</summary>
public sealed record FuzzCase(
    int Index,
    string Category,
    HttpMethod Method,
    string Path,
    string? Authorization,
    string? ContentType,
    byte[]? Body,
    bool Chunked)
{
    /// <summary>A short description for failure messages (never the whole body).</summary>
    public string Describe()
    {
        var preview = Body is null ? "(no body)" : System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        var path = Path.Length > 200 ? Path[..200] + "..." : Path;
        return $"#{Index} [{Category}] {Method} {path} ({Body?.Length ?? 0} bytes, {ContentType ?? "no content type"}{(Chunked ? ", chunked" : string.Empty)}): {preview}";
    }
}
