using CoachBot.Coaching.Policy;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Cards;

/// <summary>A high STarT Back result in onboarding: the coach is told (STARTBACK-HIGH, routine) and the patient hears who will call.</summary>
public sealed class StartBackHighRiskTests
{
    [Fact]
    public async Task HighRiskAnswers_RaiseTheRoutineStartBackEscalation_AndPromiseAPerson()
    {
        await using var chat = CardChat.Create(Channels.WebChat);
        await chat.SayAsync("hi");
        await chat.SubmitAsync(new Dictionary<string, string>(), action: 0);
        await chat.SubmitAsync(OnboardingCardTests.About());
        await chat.SubmitAsync(OnboardingCardTests.Healthy(chat));
        var worried = Enumerable.Range(1, 8).ToDictionary(i => "sb" + i, i => i >= 5 ? "agree" : "disagree");
        worried["sb9"] = "4"; // extremely
        var before = chat.Replies.Count;

        await chat.SubmitAsync(worried);

        var escalation = Assert.Single(await chat.Services.GetRequiredService<IEscalationRepository>().ListAsync());
        Assert.Equal([RuleTable.StartBackHigh], escalation.RuleIds);
        Assert.Equal(Escalation.Routine, escalation.Level);
        Assert.Contains("psychosocial 5", escalation.Reason, StringComparison.Ordinal);
        Assert.Contains("A coach will get in touch within 2 working days", CardChat.TextOf(chat.Replies.Skip(before)), StringComparison.Ordinal);
    }
}
