using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using CoachBot.Reliability.Tests.Support;
using CoachBot.Testing;
using Xunit.Abstractions;

namespace CoachBot.Reliability.Tests.Fuzz;

/// <summary>
/// 10,000 malformed and hostile requests against the real host process (Kestrel, memory storage): every answer is
/// a 4xx (or a 2xx for the few that happen to be acceptable), never a 5xx; the process lives; and two patients
/// talking to the bot meanwhile (one over /api/messages, one over Direct Line) get every reply.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const int Seed = 20_260_109;
    private const int Cases = 10_000;
    private const int Workers = 6;

    [Fact]
    public async Task TenThousandHostilePayloads_OnlyGet4xx_AndBystandersKeepTalking()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        await using var connector = await RecordingConnector.StartAsync("/fuzz/");
        await using var host = await HostProcess.StartAsync(FastFailureSettings, ct);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };

        var (conversationId, token) = await Bystanders.StartConversationAsync(http, host.Secret, "dl_fuzz_target", ct);
        var targets = new FuzzTargets(host.Secret, token, conversationId, [connector.ServiceUrl, host.BaseUrl + "/", "http://127.0.0.1:1/", "http://localhost:1/x/"]);
        var generator = new PayloadGenerator(Seed, targets);
        var cases = Enumerable.Range(0, Cases).Select(generator.Next).ToArray();

        var messagesBystander = Bystanders.MessagesAsync(http, connector, "bystander-api", 25, TimeSpan.FromMilliseconds(200), ct);
        var directLineBystander = Bystanders.DirectLineAsync(http, host.Secret, "dl_bystander", 25, TimeSpan.FromMilliseconds(200), ct);

        var statuses = new ConcurrentDictionary<(string Category, int Status), int>();
        var serverErrors = new ConcurrentBag<string>();
        var next = -1;
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(
            async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < cases.Length)
                {
                    var fuzz = cases[index];
                    var status = await SendAsync(http, fuzz, ct);
                    statuses.AddOrUpdate((fuzz.Category.Split(':')[0], status), 1, (_, n) => n + 1);
                    if (status >= 500 || status == 0)
                    {
                        serverErrors.Add($"{status}: {fuzz.Describe()}");
                    }
                }
            },
            ct)).ToArray();
        await Task.WhenAll(workers);
        var messageProblems = await messagesBystander;
        var directLineProblems = await directLineBystander;

        foreach (var group in statuses.OrderBy(s => s.Key.Category, StringComparer.Ordinal).ThenBy(s => s.Key.Status))
        {
            output.WriteLine($"{group.Key.Category,-20} {group.Key.Status} x{group.Value}");
        }

        foreach (var failure in FailureSummary(host.Output))
        {
            output.WriteLine(failure);
        }

        var turnFailures = FailureSummary(host.Output).Where(f => f.Contains("Turn failed", StringComparison.Ordinal)).ToList();
        Assert.True(turnFailures.Count == 0, "Hostile input made turns fail (the patient would get an apology and lose the dialog):\n" + string.Join('\n', turnFailures.Take(10)) + "\n--- host output ---\n" + Tail(host.Output));
        Assert.True(serverErrors.IsEmpty, $"{serverErrors.Count} requests got a 5xx or no answer:\n" + string.Join('\n', serverErrors.Take(20)) + "\n--- host output ---\n" + Tail(host.Output));
        Assert.Equal(Cases, statuses.Values.Sum());
        Assert.True(host.IsRunning, "The host process died:\n" + Tail(host.Output));
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(messageProblems);
        Assert.Empty(directLineProblems);
    }

    /// <summary>The connector is retried without waiting and gives up quickly (fuzzed serviceUrls may point nowhere).</summary>
    internal static Dictionary<string, string> FastFailureSettings { get; } = new()
    {
        ["Bot:Connector:BaseDelay"] = "00:00:00",
        ["Bot:Connector:MaxRetries"] = "1",
        ["Bot:Connector:Timeout"] = "00:00:05",
        ["Bot:TypingDelay"] = "00:00:00",
        ["Bot:AllowAnonymous"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Not an HTTP status: the connection was closed while an over-limit body was still being sent.</summary>
    internal const int ClosedOnOversizedBody = -1;

    /// <summary>Not an HTTP status: the connection was closed on an over-limit request line or header.</summary>
    internal const int ClosedOnOversizedHead = -2;

    /// <summary>Sends one case; answers the status code, 0 when no HTTP answer came back, or one of the "closed" markers.</summary>
    internal static async Task<int> SendAsync(HttpClient http, FuzzCase fuzz, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(fuzz.Method, new Uri(fuzz.Path, UriKind.Relative));
        if (fuzz.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", fuzz.Authorization);
        }

        if (fuzz.Body is not null)
        {
            HttpContent content = fuzz.Chunked ? new StreamContent(new MemoryStream(fuzz.Body)) : new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            }

            if (fuzz.Chunked)
            {
                request.Headers.TransferEncodingChunked = true;
            }

            request.Content = content;
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException) when (fuzz.Body is { Length: > 256 * 1024 })
        {
            // The server refused the oversized body and closed the connection before the client finished sending it.
            return ClosedOnOversizedBody;
        }
        catch (HttpRequestException) when (fuzz.Path.Length > 8 * 1024 || fuzz.Authorization is { Length: > 4 * 1024 })
        {
            return ClosedOnOversizedHead;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>Each distinct error the host logged ("fail:" records: category and first message line) with its count.</summary>
    internal static IEnumerable<string> FailureSummary(string hostOutput)
    {
        var lines = hostOutput.Split('\n');
        var failures = new List<string>();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (lines[i].StartsWith("fail:", StringComparison.Ordinal))
            {
                failures.Add(lines[i].Trim() + " | " + lines[i + 1].Trim() + " | " + (i + 2 < lines.Length ? lines[i + 2].Trim() : string.Empty));
            }
        }

        return failures.GroupBy(f => f, StringComparer.Ordinal).Select(g => $"host error x{g.Count()}: {g.Key}");
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
