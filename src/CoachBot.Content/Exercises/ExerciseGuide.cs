namespace CoachBot.Content;

/// <summary>
/// How to do one exercise (<c>content/exercises/&lt;id&gt;.json</c>): the names a patient may use, the setup, 2 to 4
/// cues, one common mistake, the easier and harder version, and a picture (or a clinic's own picture or video).
/// </summary>
/// <param name="Id">The exercise id of the coaching core (the file name without <c>.json</c>).</param>
/// <param name="Names">Words a patient may use for it ("hip bridge", "glute bridge"); lower case.</param>
/// <param name="Setup">How to get ready, in one or two sentences.</param>
/// <param name="Cues">2 to 4 short cues.</param>
/// <param name="Mistake">One common mistake and what to do instead.</param>
/// <param name="Easier">The easier version.</param>
/// <param name="Harder">The harder version.</param>
/// <param name="Image">The picture, relative to the content root (for example <c>exercises/glute-bridge.svg</c>).</param>
/// <param name="Video">A clinic's own video, relative to the content root; optional.</param>
public sealed record ExerciseGuide(
    string Id,
    IReadOnlyList<string> Names,
    string Setup,
    IReadOnlyList<string> Cues,
    string Mistake,
    string Easier,
    string Harder,
    string Image,
    string? Video);
