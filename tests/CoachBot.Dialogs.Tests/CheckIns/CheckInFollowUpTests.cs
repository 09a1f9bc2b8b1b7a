using CoachBot.Coaching.Policy;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.CheckIns;

/// <summary>Monthly safety-netting, the flare-up escalations of clinical rules 7.2, and a coach's override of the decision.</summary>
public sealed class CheckInFollowUpTests
{
    private const string NettingStart = "A quick safety reminder.";

    [Theory]
    [InlineData(null, true)]
    [InlineData(31, true)]
    [InlineData(10, false)]
    public async Task SafetyNetting_IsAddedWhenNeverGivenOrOverAMonthAgo(int? daysAgo, bool expected)
    {
        await using var transport = AdapterTransport.Create();
        var now = transport.Adapter.Time.GetUtcNow();
        await CheckInDriver.SeedAsync(transport, change: p => p with { LastSafetyNetAt = daysAgo is int d ? now.AddDays(-d) : null });

        var replies = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));

        var patient = await PatientAsync(transport);
        if (expected)
        {
            var at = replies.FindIndex(r => r.StartsWith(NettingStart, StringComparison.Ordinal));
            Assert.True(at > 0, "no safety-netting paragraph");
            Assert.Contains("short read", replies[at + 1], StringComparison.Ordinal); // the reply ends with it, then the lesson offer
            Assert.Equal(now, patient.LastSafetyNetAt);
        }
        else
        {
            Assert.DoesNotContain(replies, r => r.StartsWith(NettingStart, StringComparison.Ordinal));
            Assert.Equal(now.AddDays(-10), patient.LastSafetyNetAt);
        }
    }

    [Fact]
    public async Task FlareUpLastingOverAWeek_IsEscalatedOnce_AndThePatientIsTold()
    {
        await using var transport = AdapterTransport.Create();
        var today = DateOnly.FromDateTime(transport.Adapter.Time.GetUtcNow().UtcDateTime);
        await CheckInDriver.SeedAsync(transport, change: p => p with { InFlareUp = true, FlareUpSince = today.AddDays(-8) });

        var first = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"), ("How is your flare-up", "Not yet"), ("How bad is your back pain", "5"));
        Assert.Contains(first, r => r.Contains("Your flare-up has lasted a while", StringComparison.Ordinal));
        transport.Advance(TimeSpan.FromDays(1));
        var second = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"), ("How is your flare-up", "Not yet"), ("How bad is your back pain", "5"));
        Assert.DoesNotContain(second, r => r.Contains("Your flare-up has lasted a while", StringComparison.Ordinal));

        var escalations = await EscalationsAsync(transport);
        var flare = Assert.Single(escalations, e => e.RuleIds.Contains("FLARE-LONG"));
        Assert.Equal(Escalation.Routine, flare.Level);
    }

    [Fact]
    public async Task FlareUpOfThreeDays_IsNotEscalated()
    {
        await using var transport = AdapterTransport.Create();
        var today = DateOnly.FromDateTime(transport.Adapter.Time.GetUtcNow().UtcDateTime);
        await CheckInDriver.SeedAsync(transport, change: p => p with { InFlareUp = true, FlareUpSince = today.AddDays(-3) });

        var replies = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"), ("How is your flare-up", "Not yet"), ("How bad is your back pain", "5"));

        Assert.DoesNotContain(replies, r => r.Contains("lasted a while", StringComparison.Ordinal));
        Assert.DoesNotContain(await EscalationsAsync(transport), e => e.RuleIds.Contains("FLARE-LONG"));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(40, false)]
    public async Task SecondFlareUp_WithinFourWeeks_IsEscalated(int daysLater, bool escalated)
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("I'm having a flare-up");
        var patients = transport.Services.GetRequiredService<IPatientRepository>();
        var patient = await PatientAsync(transport);
        await patients.SaveAsync(patient with { InFlareUp = false, FlareUpSince = null }); // it settled
        transport.Advance(TimeSpan.FromDays(daysLater));

        var replies = await transport.SendAsync("my back is flaring up again");

        Assert.StartsWith("Here is your flare-up plan", replies[0], StringComparison.Ordinal);
        Assert.Equal(escalated, replies.Any(r => r.Contains("second flare-up in a few weeks", StringComparison.Ordinal)));
        Assert.Equal(escalated, (await EscalationsAsync(transport)).Any(e => e.RuleIds.Contains("FLARE-REPEAT") && e.Level == Escalation.Routine));
    }

    [Fact]
    public async Task CoachOverride_IsUsedOnce_ExplainedAsTheCoachsDecision_AndRecordedWithTheCoresRules()
    {
        await using var transport = AdapterTransport.Create();
        var now = transport.Adapter.Time.GetUtcNow();
        var coachDecision = new DecisionOverride { Decision = Decision.Progress, Coach = "coach-ann", Reason = "form looks great", At = now };
        await CheckInDriver.SeedAsync(transport, change: p => p with { NextDecisionOverride = coachDecision });

        var replies = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));

        Assert.Contains(replies, r => r.StartsWith("Your coach has looked at your plan. They decided you can step up", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.StartsWith("Do 1 more rep in each set", StringComparison.Ordinal)); // the seeded plan is below the top of its range
        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Equal(Decision.Progress, entry.Decision);
        Assert.Equal(coachDecision, entry.Override);
        Assert.Contains(entry.FiredRules, r => r.RuleId == "ST-1"); // the core's own reasons for holding are kept
        Assert.DoesNotContain(entry.FiredRules, r => r.RuleId == "PR-1");
        Assert.Null((await PatientAsync(transport)).NextDecisionOverride);

        var next = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));
        Assert.DoesNotContain(next, r => r.StartsWith("Your coach has looked", StringComparison.Ordinal));
        Assert.Null((await CheckInDriver.EntriesAsync(transport))[^1].Override);
    }

    [Fact]
    public async Task CoachOverrideToProgress_NeverBypassesARedFlag()
    {
        await using var transport = AdapterTransport.Create();
        var now = transport.Adapter.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var coachDecision = new DecisionOverride { Decision = Decision.Progress, Coach = "coach-ann", Reason = "ready", At = now };
        await CheckInDriver.SeedAsync(transport, change: p => p with { NextDecisionOverride = coachDecision, LastRedFlagScreenOn = today.AddDays(-8) });

        var replies = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"), ("fever", "yes"));

        Assert.DoesNotContain(replies, r => r.StartsWith("Your coach has looked", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("next session", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(replies, r => r.Contains("see a doctor today", StringComparison.OrdinalIgnoreCase));
        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Equal(Decision.Pause, entry.Decision);
        Assert.Null(entry.Override);
        Assert.Contains(MessageTokens.SeeADoctorToday, entry.MustMention);
        var escalation = Assert.Single(await EscalationsAsync(transport));
        Assert.Contains("not applied", escalation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoachOverrideToPause_AfterDistress_IsMoreCautious_AndApplies()
    {
        await using var transport = AdapterTransport.Create();
        var now = transport.Adapter.Time.GetUtcNow();
        var coachDecision = new DecisionOverride { Decision = Decision.Pause, Coach = "coach-ann", Reason = "rest week", At = now };
        await CheckInDriver.SeedAsync(transport, change: p => p with { NextDecisionOverride = coachDecision });

        var replies = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"), ("anything else", "I feel so anxious"));

        Assert.Contains(replies, r => r.StartsWith("Your coach has looked at your plan. They decided you should take a break", StringComparison.Ordinal));
        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Equal(Decision.Pause, entry.Decision);
        Assert.Equal(coachDecision, entry.Override);
        Assert.Contains(MessageTokens.CoachWillContactYou, entry.MustMention); // the core's token still carries
    }

    private static async Task<PatientRecord> PatientAsync(ITranscriptTransport transport) =>
        (await transport.Services.GetRequiredService<IPatientRepository>().GetAsync(PatientId.From("test", "user-1")))!;

    private static Task<IReadOnlyList<EscalationRecord>> EscalationsAsync(ITranscriptTransport transport) =>
        transport.Services.GetRequiredService<IEscalationRepository>().ListAsync();
}
