using System.Globalization;
using System.Text;
using static CoachBot.CoachReview.Web.Html;

namespace CoachBot.CoachReview.Overview;

/// <summary>
/// The HTML of <c>/coach/overview</c>: four bar charts drawn on the server as inline SVG. Every bar carries its numbers
/// in a <c>title</c> (read out and shown on hover) and in <c>data-</c> attributes.
/// </summary>
internal static class OverviewView
{
    private const int Width = 520;
    private const int Height = 220;
    private const int Left = 44;
    private const int Bottom = 36;
    private const int Top = 12;

    private static readonly (string Name, string Colour)[] DecisionColours = [("progress", "#2e7d32"), ("hold", "#f9a825"), ("pause", "#c62828")];

    public static string Render(OverviewModel model, string scopeLabel, string links)
    {
        var body = new StringBuilder("<h1>Programme overview</h1>").Append(links);
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(scopeLabel)}: {model.Patients} patients. The numbers come from the same summaries as the patients page.</p><div class=\"charts\">");
        body.Append(Figure("Pain at the start and now", PainChart(model.Pain)));
        body.Append(Figure("Adherence by week (trained at least twice)", AdherenceChart(model.Weeks)));
        body.Append(Figure("Decisions per week", DecisionsChart(model.Weeks)));
        body.Append(Figure("Escalations by level: answered within the target", LevelsChart(model.Levels)));
        return body.Append("</div>").ToString();
    }

    private static string Figure(string caption, string svg) => $"<figure><figcaption><h2>{E(caption)}</h2></figcaption>{svg}</figure>";

    private static string PainChart(PainStartNow pain)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"Mean pain at the start {pain.StartMean:0.0}, now {pain.NowMean:0.0}, over {pain.Patients} patients: {pain.Better} better, {pain.Same} the same, {pain.Worse} worse");
        var svg = Open("pain-start-now", label, string.Create(CultureInfo.InvariantCulture, $"data-patients=\"{pain.Patients}\" data-start-mean=\"{pain.StartMean:0.0}\" data-now-mean=\"{pain.NowMean:0.0}\" data-better=\"{pain.Better}\" data-same=\"{pain.Same}\" data-worse=\"{pain.Worse}\""));
        Axis(svg, 10, "pain 0-10");
        Bar(svg, 0, 2, pain.StartMean, 10, "#78909c", "Start", string.Create(CultureInfo.InvariantCulture, $"Start: mean pain {pain.StartMean:0.0}"), string.Create(CultureInfo.InvariantCulture, $"data-value=\"{pain.StartMean:0.0}\""));
        Bar(svg, 1, 2, pain.NowMean, 10, "#1f5fa8", "Now", string.Create(CultureInfo.InvariantCulture, $"Now: mean pain {pain.NowMean:0.0}"), string.Create(CultureInfo.InvariantCulture, $"data-value=\"{pain.NowMean:0.0}\""));
        return svg.Append("</svg>").ToString();
    }

    private static string AdherenceChart(IReadOnlyList<WeekFigures> weeks)
    {
        var label = "Share of active patients who trained at least twice, by week: " + string.Join(", ", weeks.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Week(w)} {w.AdherencePercent}%")));
        var svg = Open("adherence", label, string.Empty);
        Axis(svg, 100, "% of patients");
        for (var i = 0; i < weeks.Count; i++)
        {
            var w = weeks[i];
            Bar(svg, i, weeks.Count, w.AdherencePercent, 100, "#1f5fa8", Week(w),
                string.Create(CultureInfo.InvariantCulture, $"Week of {Week(w)}: {w.Adherent} of {w.Patients} patients ({w.AdherencePercent}%)"),
                string.Create(CultureInfo.InvariantCulture, $"data-week=\"{w.WeekStart:yyyy-MM-dd}\" data-adherent=\"{w.Adherent}\" data-patients=\"{w.Patients}\" data-percent=\"{w.AdherencePercent}\""));
        }

        return svg.Append("</svg>").ToString();
    }

    private static string DecisionsChart(IReadOnlyList<WeekFigures> weeks)
    {
        var max = Math.Max(1, weeks.Max(w => w.Progress + w.Hold + w.Pause));
        var label = "Decisions by week: " + string.Join(", ", weeks.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Week(w)} {w.Progress} progress, {w.Hold} hold, {w.Pause} pause")));
        var svg = Open("decisions", label, string.Empty);
        Axis(svg, max, "check-ins");
        var slot = (Width - Left - 8.0) / weeks.Count;
        for (var i = 0; i < weeks.Count; i++)
        {
            var w = weeks[i];
            var x = Left + (i * slot) + (slot * 0.15);
            var y = (double)(Height - Bottom);
            foreach (var (name, colour) in DecisionColours)
            {
                var count = name switch { "progress" => w.Progress, "hold" => w.Hold, _ => w.Pause };
                var h = count * (Height - Bottom - Top) / (double)max;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\" fill=\"{colour}\" data-week=\"{w.WeekStart:yyyy-MM-dd}\" data-decision=\"{name}\" data-count=\"{count}\"><title>Week of {Week(w)}: {count} {name}</title></rect>");
            }

            Label(svg, x + (slot * 0.35), Week(w));
        }

        var legendX = Left;
        foreach (var (name, colour) in DecisionColours)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"2\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{legendX + 14}\" y=\"11\" font-size=\"11\" fill=\"#222\">{name}</text>");
            legendX += 80;
        }

        return svg.Append("</svg>").ToString();
    }

    private static string LevelsChart(IReadOnlyList<LevelFigures> levels)
    {
        var label = "Escalations answered within the target: " + string.Join("; ", levels.Select(l => string.Create(CultureInfo.InvariantCulture, $"{Level(l)} {l.WithinTarget} of {l.Raised} (target {l.Target}, median first answer {Median(l)})")));
        var svg = Open("escalation-levels", label, string.Empty);
        Axis(svg, 100, "% within target");
        for (var i = 0; i < levels.Count; i++)
        {
            var l = levels[i];
            var percent = l.Raised == 0 ? 0 : (int)Math.Round(100.0 * l.WithinTarget / l.Raised, MidpointRounding.AwayFromZero);
            var minutes = l.MedianFirstResponse is { } m ? ((long)m.TotalMinutes).ToString(CultureInfo.InvariantCulture) : string.Empty;
            Bar(svg, i, levels.Count, percent, 100, Level(l) switch { "emergency" => "#b71c1c", "urgent" => "#e65100", _ => "#546e7a" }, Level(l),
                string.Create(CultureInfo.InvariantCulture, $"{Level(l)}: {l.Raised} raised, {l.Open} waiting, {l.WithinTarget} answered within the target ({l.Target}); median first answer {Median(l)}"),
                string.Create(CultureInfo.InvariantCulture, $"data-level=\"{Level(l)}\" data-raised=\"{l.Raised}\" data-open=\"{l.Open}\" data-answered=\"{l.Answered}\" data-within-target=\"{l.WithinTarget}\" data-median-minutes=\"{minutes}\""));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string label, string data) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(label)}\" {data}><title>{E(label)}</title>");

    private static void Axis(StringBuilder svg, int max, string unit)
    {
        for (var i = 0; i <= 4; i++)
        {
            var value = max * i / 4.0;
            var y = Height - Bottom - ((Height - Bottom - Top) * i / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - 8}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/><text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">{value:0.#}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Height - 4}\" font-size=\"11\" fill=\"#333\">{E(unit)}</text>");
    }

    private static void Bar(StringBuilder svg, int index, int count, double value, double max, string colour, string label, string title, string data)
    {
        var slot = (Width - Left - 8.0) / count;
        var x = Left + (index * slot) + (slot * 0.15);
        var h = Math.Max(0, value) * (Height - Bottom - Top) / max;
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{Height - Bottom - h:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\" fill=\"{colour}\" {data}><title>{E(title)}</title></rect>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (slot * 0.35):0.#}\" y=\"{Height - Bottom - h - 3:0.#}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#222\" aria-hidden=\"true\">{value:0.#}</text>");
        Label(svg, x + (slot * 0.35), label);
    }

    private static void Label(StringBuilder svg, double x, string text) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Height - Bottom + 14}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">{E(text)}</text>");

    private static string Week(WeekFigures w) => w.WeekStart.ToString("d MMM", CultureInfo.InvariantCulture);

    private static string Level(LevelFigures l) => l.Level.ToString().ToLowerInvariant();

    private static string Median(LevelFigures l) => l.MedianFirstResponse is { } m ? Duration(m) : "none answered";
}
