using System.Globalization;
using System.Text;
using CoachBot.Records.Caseload;
using static CoachBot.CoachReview.Web.Html;

namespace CoachBot.CoachReview.Caseload;

/// <summary>A small inline SVG of the pain at the recent check-ins; the numbers are in its title and data attribute.</summary>
internal static class Sparkline
{
    private const int Width = 96;
    private const int Height = 24;

    public static string Render(CaseloadRow row)
    {
        var pains = row.CheckIns.Select(c => c.Pain).ToList();
        var numbers = string.Join(",", pains.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        var label = pains.Count == 0 ? "No check-ins yet" : "Pain at the last " + pains.Count.ToString(CultureInfo.InvariantCulture) + " check-ins: " + string.Join(", ", pains.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(label)}\" data-pains=\"{numbers}\"><title>{E(label)}</title>");
        if (pains.Count > 0)
        {
            var step = pains.Count == 1 ? 0 : (Width - 4.0) / (pains.Count - 1);
            var points = pains.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{2 + (i * step):0.#},{Y(p):0.#}"));
            svg.Append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"").AppendJoin(' ', points).Append("\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{2 + ((pains.Count - 1) * step):0.#}\" cy=\"{Y(pains[^1]):0.#}\" r=\"2.5\" fill=\"#1f5fa8\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static double Y(int pain) => 2 + ((10 - Math.Clamp(pain, 0, 10)) * (Height - 4) / 10.0);
}
