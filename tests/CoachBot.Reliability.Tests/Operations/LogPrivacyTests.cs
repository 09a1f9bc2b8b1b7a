using System.Net;
using CoachBot.Reliability.Tests.Support;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Reliability.Tests.Operations;

/// <summary>
/// What patients write never reaches the logs: a unique marker sent in ordinary messages, a crisis message, a message
/// whose turn fails, and a message whose reply cannot be delivered appears in no log record (message, state, scopes,
/// exceptions) at any level, while the records themselves are there (ids, types, channels).
/// </summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task PatientText_NeverAppearsInAnyLogRecord_EvenWhenTurnsAndDeliveriesFail()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..12];
        var logs = new CapturingLoggerProvider();
        await using var connector = await RecordingConnector.StartAsync("/privacy/");
        await using var host = InProcessHost.Create(
            services => services.AddSingleton<ILoggerProvider>(logs),
            ("Logging:LogLevel:Default", "Trace"),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Trace"));
        using var client = host.CreateClient();

        // Ordinary messages through onboarding, a crisis message, and a message with broken Unicode.
        foreach (var text in new[] { "hello " + marker, "my name is " + marker, marker + " yes", "I want to kill myself " + marker, marker + '\ud800' })
        {
            var (status, _) = await host.SendMessageAsync(client, connector, "privacy", text, "privacy-user");
            Assert.Equal(200, status);
        }

        // A reply the connector refuses (logged as a delivery failure) and one it throttles (logged as a retry).
        connector.EnqueueResponse(HttpStatusCode.InternalServerError, "{\"error\":{\"code\":\"ServiceError\",\"message\":\"boom\"}}");
        await host.SendMessageAsync(client, connector, "privacy-2", "hello " + marker, "privacy-user-2");
        connector.EnqueueResponse(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero);
        await host.SendMessageAsync(client, connector, "privacy-3", "hello " + marker, "privacy-user-3");

        // A body that is not valid JSON, with the marker inside (error messages quote JSON positions, not text).
        using var broken = new StringContent("{\"type\":\"message\",\"text\":\"" + marker + "\",", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/api/messages", UriKind.Relative), broken)).StatusCode);

        var records = logs.Records.ToList();
        Assert.True(records.Count > 20, "Too few log records were captured to prove anything.");
        Assert.Contains(records, r => r.Contains("privacy", StringComparison.Ordinal)); // conversation ids are logged
        var leaks = records.Where(r => r.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Patient text leaked into logs:\n" + string.Join("\n", leaks.Take(5)));
    }
}
