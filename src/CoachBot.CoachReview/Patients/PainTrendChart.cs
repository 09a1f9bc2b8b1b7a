using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CoachBot.Coaching.Policy;

namespace CoachBot.CoachReview.Patients;

/// <summary>One point of the pain trend: when, pain now (0-10) and the decision made.</summary>
/// <param name="At">When the check-in was recorded.</param>
/// <param name="Pain">Pain now, 0-10.</param>
/// <param name="Decision">Progress, hold or pause.</param>
public sealed record PainPoint(DateTimeOffset At, int Pain, Decision Decision);

/// <summary>
/// Draws the pain trend as a self-contained SVG made on the server (no chart package): pain 0-10 up the side, the
/// check-ins in order along the bottom, a dot per check-in coloured by its decision and the baseline as a dashed line.
/// </summary>
public static class PainTrendChart
{
    private const int Width = 640;
    private const int Height = 240;
    private const int Left = 40;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    /// <summary>The SVG element (inline-able in HTML).</summary>
    public static string Render(IReadOnlyList<PainPoint> points, int? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var html = HtmlEncoder.Default;
        var label = points.Count == 0
            ? "Pain trend: no check-ins yet"
            : string.Create(CultureInfo.InvariantCulture, $"Pain trend: {points.Count} check-ins, pain from {points[0].Pain} to {points[^1].Pain} out of 10");
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pain-trend\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{html.Encode(label)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{html.Encode(label)}</title>");
        for (var pain = 0; pain <= 10; pain += 2)
        {
            var y = Y(pain);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" stroke=\"#ddd\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{y + 4}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{pain}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Top + ((Height - Top - Bottom) / 2)}\" font-size=\"11\" fill=\"#555\" transform=\"rotate(-90 12 {Top + ((Height - Top - Bottom) / 2)})\" text-anchor=\"middle\">pain now</text>");
        if (baseline is int b and >= 0 and <= 10)
        {
            var y = Y(b);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"baseline\" x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" stroke=\"#888\" stroke-dasharray=\"6 4\"><title>baseline {b}</title></line>");
        }

        if (points.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" fill=\"#555\">No check-ins yet</text>");
        }
        else
        {
            var coordinates = points.Select((p, i) => (X: X(i, points.Count), Y: Y(p.Pain), Point: p)).ToList();
            svg.Append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"");
            svg.AppendJoin(' ', coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.X:0.#},{c.Y:0.#}")));
            svg.Append("\"/>");
            foreach (var (x, y, point) in coordinates)
            {
                var date = point.At.ToString("d MMM", CultureInfo.InvariantCulture);
                var tip = string.Create(CultureInfo.InvariantCulture, $"{date}: pain {point.Pain}, {point.Decision.ToString().ToLowerInvariant()}");
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"checkin {point.Decision.ToString().ToLowerInvariant()}\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"{Colour(point.Decision)}\"><title>{html.Encode(tip)}</title></circle>");
            }

            var step = Math.Max(1, points.Count / 8);
            for (var i = 0; i < points.Count; i += step)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{coordinates[i].X:0.#}\" y=\"{Height - Bottom + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">{html.Encode(points[i].At.ToString("d MMM", CultureInfo.InvariantCulture))}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static double X(int index, int count) =>
        count == 1 ? Left + ((Width - Left - Right) / 2.0) : Left + 10 + (index * (Width - Left - Right - 20) / (double)(count - 1));

    private static double Y(int pain) => Top + ((10 - pain) * (Height - Top - Bottom) / 10.0);

    private static string Colour(Decision decision) => decision switch
    {
        Decision.Progress => "#2e7d32",
        Decision.Hold => "#b26a00",
        _ => "#c62828",
    };
}
