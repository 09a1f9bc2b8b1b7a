using CoachBot.Dialogs.Cards;
using CoachBot.Records;

namespace CoachBot.Dialogs.Actions;

/// <summary>
/// The "my progress" picture: pain now at each of the last check-ins as a line (0-10, left scale) over bars of the
/// training sessions done in the 2 weeks before each one (right scale), as a PNG.
/// </summary>
internal static class ProgressChart
{
    /// <summary>How many check-ins the chart shows at most (the latest).</summary>
    public const int MaxCheckIns = 12;

    public const int Width = 480;
    public const int Height = 260;

    public static readonly (byte R, byte G, byte B) PainColor = (0x2f, 0x6f, 0x73);
    public static readonly (byte R, byte G, byte B) SessionsColor = (0xb9, 0xd8, 0xd0);
    private static readonly (byte R, byte G, byte B) Background = (0xff, 0xff, 0xff);
    private static readonly (byte R, byte G, byte B) Grid = (0xe3, 0xe8, 0xe7);
    private static readonly (byte R, byte G, byte B) Ink = (0x1f, 0x2d, 0x2b);

    private const int Left = 44;
    private const int Right = 436;
    private const int Top = 16;
    private const int Bottom = 226;

    /// <summary>The PNG for these check-ins (oldest first); null when there are none.</summary>
    public static byte[]? Draw(IReadOnlyList<CheckInEntry> entries)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var shown = entries.Skip(Math.Max(0, entries.Count - MaxCheckIns)).ToList();
        var canvas = new PngCanvas(Width, Height, Background);
        var maxSessions = Math.Max(6, shown.Max(e => e.Input.SessionsCompletedLast2Weeks));
        foreach (var pain in new[] { 0, 5, 10 })
        {
            var y = PainY(pain);
            canvas.Line(Left, y, Right, y, 1, Grid);
            canvas.Number(pain, pain == 10 ? 8 : 20, y - 5, 2, Ink);
        }

        canvas.Number(0, Right + 10, PainY(0) - 5, 2, SessionsColor.Darker());
        canvas.Number(maxSessions, Right + 10, Top - 5, 2, SessionsColor.Darker());
        var step = (Right - Left) / (double)shown.Count;
        var points = new List<(int X, int Y)>();
        for (var i = 0; i < shown.Count; i++)
        {
            var center = Left + (int)((i + 0.5) * step);
            var sessions = shown[i].Input.SessionsCompletedLast2Weeks;
            var barHeight = (int)Math.Round((Bottom - Top) * (sessions / (double)maxSessions));
            var barWidth = Math.Clamp((int)(step * 0.5), 4, 40);
            canvas.FillRectangle(center - (barWidth / 2), Bottom - barHeight, barWidth, barHeight, SessionsColor);
            points.Add((center, PainY(shown[i].Input.PainNow)));
            canvas.Number(i + 1, center - 3, Bottom + 12, 2, Ink);
        }

        canvas.Line(Left, Bottom, Right, Bottom, 2, Ink);
        for (var i = 1; i < points.Count; i++)
        {
            canvas.Line(points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, 3, PainColor);
        }

        foreach (var (x, y) in points)
        {
            canvas.Dot(x, y, 5, PainColor);
        }

        return canvas.ToPng();
    }

    /// <summary>The y of a pain score on the canvas.</summary>
    public static int PainY(int pain) => Bottom - (int)Math.Round((Bottom - Top) * (Math.Clamp(pain, 0, 10) / 10.0));

    private static (byte R, byte G, byte B) Darker(this (byte R, byte G, byte B) color) =>
        ((byte)(color.R * 0.6), (byte)(color.G * 0.6), (byte)(color.B * 0.6));
}
