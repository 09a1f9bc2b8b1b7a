using System.Text;
using CoachBot.Reliability.Tests.Support;
using CoachBot.Records;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Reliability.Tests.Fuzz;

/// <summary>Cases the fuzz test found, kept as plain regression tests.</summary>
public sealed class FuzzRegressionTests
{
    [Theory]
    [InlineData("lone-surrogate")]
    [InlineData("noncharacter")]
    public async Task CrisisMessage_WithInvalidCodePoints_IsStillScreened_NotAFailedTurn(string kind)
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = InProcessHost.Create();
        using var client = host.CreateClient();

        // A broken emoji (lone high surrogate) or a noncharacter inside a crisis message; string normalisation
        // used to throw on both, so the safety screen failed and the patient got the error apology instead.
        var text = "I want to kill myself " + (kind == "lone-surrogate" ? '\ud83d' : '\uFFFE');
        var (status, id) = await host.SendMessageAsync(client, connector, kind, text);

        Assert.Equal(200, status);
        var replies = connector.Messages.Where(m => m.ReplyToId == id).Select(m => m.Text ?? string.Empty).ToList();
        Assert.NotEmpty(replies);
        Assert.True(replies.Any(r => r.Contains("You don't have to face this alone", StringComparison.Ordinal)), string.Join("\n---\n", replies));
        var escalations = await host.Services.GetRequiredService<IEscalationRepository>().ListAsync();
        Assert.Contains(escalations, e => e.Level >= CoachBot.Coaching.Policy.Escalation.Urgent);
    }
}
