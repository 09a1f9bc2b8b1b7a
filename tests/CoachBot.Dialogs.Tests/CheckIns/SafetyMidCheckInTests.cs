using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.CheckIns;

/// <summary>Safety findings said in the middle of a check-in reach the coaching core, and no answer is lost.</summary>
public sealed class SafetyMidCheckInTests
{
    [Fact]
    public async Task Distress_MidCheckIn_CarriesOn_KeepsTheAnswers_AndReachesTheCoreOnce()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("4");

        var replies = await transport.SendAsync("honestly I feel so overwhelmed");

        Assert.Contains("That sounds really hard", replies[0], StringComparison.Ordinal);
        Assert.Contains("What does the pain feel like", replies[^1], StringComparison.Ordinal);
        await CheckInDriver.FinishAsync(transport, replies);

        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Equal(4, entry.Input.PainNow);
        Assert.Contains("overwhelmed", entry.Input.DistressText, StringComparison.Ordinal);
        Assert.Contains(entry.FiredRules, r => r.RuleId == "DS-3");
        Assert.Contains(MessageTokens.CoachWillContactYou, entry.MustMention);
        var escalation = Assert.Single(await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync());
        Assert.Contains("DS-3", escalation.RuleIds);
    }

    [Fact]
    public async Task RedFlag_MidCheckIn_RecordsTheAnswersGivenWithTheFinding_AndEscalatesOnce()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("4");
        await transport.SendAsync("ache and stiff");

        var replies = await transport.SendAsync("I can't control my bladder since this morning");

        Assert.Contains("emergency department", replies[0], StringComparison.Ordinal);
        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Equal(4, entry.Input.PainNow);
        Assert.Equal(new HashSet<PainType> { PainType.Ache, PainType.Stiffness }, entry.Input.PainTypes.ToHashSet());
        Assert.Equal(Decision.Pause, entry.Decision);
        Assert.Equal(Escalation.Emergency, entry.Escalation);
        Assert.Contains(entry.FiredRules, r => r.RuleId == "RF-1");
        Assert.Single(await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync());
        var patient = await transport.Services.GetRequiredService<IPatientRepository>().GetAsync(PatientId.From("test", "user-1"));
        Assert.Equal(Coaching.Programs.ProgramPhase.Paused, patient!.Program!.Phase);
    }

    [Fact]
    public async Task RedFlag_BeforePainNow_StillEscalates_ButRecordsNoCheckIn()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");

        await transport.SendAsync("I can't control my bladder since this morning");

        Assert.Empty(await CheckInDriver.EntriesAsync(transport));
        Assert.Single(await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync());
    }

    [Fact]
    public async Task NightPain_MidCheckIn_IsAHint_ForTheScreen_AndReachesTheCore()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("3");

        var replies = await transport.SendAsync("the pain wakes me up at night");
        var all = await CheckInDriver.FinishAsync(transport, replies);

        Assert.Contains(all, r => r.Contains("safety questions", StringComparison.Ordinal));
        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Contains("wakes me up at night", entry.Input.DistressText, StringComparison.Ordinal);
        Assert.Contains(entry.FiredRules, r => r.RuleId == "RF-5");
    }
}
