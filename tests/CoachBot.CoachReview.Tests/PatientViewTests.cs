using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Patients;
using CoachBot.CoachReview.Tests.Support;
using CoachBot.Coaching.Policy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.CoachReview.Tests;

public sealed partial class PatientViewTests : IDisposable
{
    private readonly CoachHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Chart_HasOneDotPerCheckIn_ScaledZeroToTen_ColouredByDecision()
    {
        var t = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

        var svg = await RenderChartAsync([new PainPoint(t, 0, Decision.Progress), new PainPoint(t.AddDays(3), 10, Decision.Pause), new PainPoint(t.AddDays(7), 5, Decision.Hold)], baseline: 6);

        var dots = DotPattern().Matches(svg).Select(m => (Class: m.Groups[1].Value, Y: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(["progress", "pause", "hold"], dots.Select(d => d.Class));
        Assert.Equal(200, dots[0].Y); // pain 0 at the bottom of the plot
        Assert.Equal(16, dots[1].Y); // pain 10 at the top
        Assert.Equal(108, dots[2].Y);
        Assert.Contains("class=\"baseline\"", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Pain trend: 3 check-ins, pain from 0 to 5 out of 10\"", svg, StringComparison.Ordinal);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_WithoutCheckIns_SaysSo()
    {
        Assert.Contains("No check-ins yet", await RenderChartAsync([]), StringComparison.Ordinal);
    }

    /// <summary>The chart component alone, rendered the way the coach pages render it.</summary>
    private static async Task<string> RenderChartAsync(IReadOnlyList<PainPoint> points, int? baseline = null)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(PainTrendChart.Points)] = points,
            [nameof(PainTrendChart.Baseline)] = baseline,
        });
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<PainTrendChart>(parameters)).ToHtmlString());
    }

    [Fact]
    public async Task PatientPage_ShowsHistoryDecisionsFiredRulesChartAndTranscript()
    {
        var t = _host.Time.GetUtcNow();
        await _host.AddPatientAsync();
        await _host.AddCheckInAsync("webchat-p1", 1, 4, Decision.Hold, t.AddDays(-7), new FiredRule("PM-3", "pain above baseline"));
        await _host.AddCheckInAsync("webchat-p1", 2, 2, Decision.Progress, t.AddDays(-3), new FiredRule("PG-1", "stable twice"));
        await _host.AddConversationAsync("webchat-p1", "http://127.0.0.1:9/");
        await _host.RaiseAsync("webchat-p1", Escalation.Emergency, t.AddMinutes(-1), "RF-1", "my legs feel numb");
        using var client = await _host.LoggedInClientAsync();

        using var response = await client.GetAsync(new Uri("/coach/patients/webchat-p1", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Alex</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>PM-3</strong> pain above baseline", html, StringComparison.Ordinal);
        Assert.Contains("<strong>PG-1</strong> stable twice", html, StringComparison.Ordinal);
        Assert.Equal(2, DotPattern().Count(html));
        Assert.Contains("<strong>Patient:</strong> my legs feel numb", html, StringComparison.Ordinal);
        Assert.Contains("<strong>CoachBot / coach:</strong> Please call 999 now.", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<td>2</td>", StringComparison.Ordinal) < html.IndexOf("<td>1</td>", StringComparison.Ordinal), "newest check-in first");
    }

    [Fact]
    public async Task PatientPage_ShowsTheConversationSinceTheLastCheckIn_NewestLast_WithTimes()
    {
        var t = _host.Time.GetUtcNow();
        await _host.AddPatientAsync();
        await _host.AddCheckInAsync("webchat-p1", 1, 3, Decision.Progress, t.AddHours(-2));
        var reference = await _host.AddConversationAsync("webchat-p1", "http://127.0.0.1:9/");
        await _host.AddMessageAsync(reference, fromPatient: true, "words from before the check-in", t.AddHours(-3));
        await _host.AddMessageAsync(reference, fromPatient: true, "walking again now", t.AddMinutes(5));
        using var client = await _host.LoggedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/coach/patients/webchat-p1", UriKind.Relative));

        var start = html.IndexOf("<section class=\"since-check-in\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no conversation since the last check-in");
        var since = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.DoesNotContain("words from before the check-in", since, StringComparison.Ordinal);
        var order = new[] { "<strong>Patient:</strong> my legs feel numb", "<strong>CoachBot / coach:</strong> Please call 999 now.", "<strong>Patient:</strong> walking again now" }
            .Select(text => since.IndexOf(text, StringComparison.Ordinal)).ToList();
        Assert.All(order, index => Assert.True(index >= 0));
        Assert.Equal(order.Order(), order);
        Assert.Equal(3, Regex.Count(since, "<small>[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}</small>"));
        Assert.Contains("words from before the check-in", html, StringComparison.Ordinal); // still in the whole transcript
        Assert.Contains(await _host.Get<AuditLog>().ReadDayAsync(DateOnly.FromDateTime(t.UtcDateTime)), e => e.Action == AuditActions.ViewPatient && e.PatientId == "webchat-p1");
    }

    [Fact]
    public async Task PatientApi_ReturnsCheckInsEscalationsAndTranscript()
    {
        var t = _host.Time.GetUtcNow();
        await _host.AddPatientAsync();
        await _host.AddCheckInAsync("webchat-p1", 1, 4, Decision.Hold, t.AddDays(-7), new FiredRule("PM-3", "pain above baseline"));
        await _host.AddConversationAsync("webchat-p1", "http://127.0.0.1:9/");
        using var client = await _host.LoggedInClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/coach/api/patients/webchat-p1", UriKind.Relative)));

        var checkIn = Assert.Single(json.RootElement.GetProperty("checkIns").EnumerateArray());
        Assert.Equal("hold", checkIn.GetProperty("decision").GetString());
        Assert.Equal("PM-3", checkIn.GetProperty("firedRules")[0].GetProperty("ruleId").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("transcript").GetArrayLength());
    }

    [Fact]
    public async Task UnknownPatient_Is404_OnPageAndApi()
    {
        using var client = await _host.LoggedInClientAsync();

        using var page = await client.GetAsync(new Uri("/coach/patients/nobody", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/coach/api/patients/nobody", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task PatientText_IsEncoded_NeverMarkup()
    {
        await _host.AddPatientAsync("webchat-x", "<script>alert(1)</script>");
        await _host.RaiseAsync("webchat-x", Escalation.Routine, _host.Time.GetUtcNow(), "COACH-REQUEST", "<img src=x onerror=alert(1)>");
        using var client = await _host.LoggedInClientAsync();

        var queue = await client.GetStringAsync(new Uri("/coach", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri("/coach/patients/webchat-x", UriKind.Relative));

        Assert.DoesNotContain("<script>alert", queue + page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", queue + page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<circle class=\"checkin (\\w+)\" cx=\"[0-9.]+\" cy=\"([0-9.]+)\"")]
    private static partial Regex DotPattern();
}
