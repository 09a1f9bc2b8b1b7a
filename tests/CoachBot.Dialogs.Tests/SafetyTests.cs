using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests;

/// <summary>The safety interruption, with many phrasings at different points of a conversation.</summary>
public sealed class SafetyTests
{
    [Theory]
    [InlineData("I can't control my bladder since this morning")]
    [InlineData("i cant control my bladder since this morning")]
    [InlineData("I've wet myself and didn't notice")]
    [InlineData("both legs are getting weaker and my foot drags")]
    public async Task RedFlagMidCheckIn_AnswersWithEmergencyAdviceAtOnce(string message)
    {
        await using var transport = AdapterTransport.Create();
        await SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("5");

        var replies = await transport.SendAsync(message);

        Assert.NotEmpty(replies);
        Assert.Contains("emergency department", replies[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(replies, r => r.Contains("next session", StringComparison.OrdinalIgnoreCase));
        var open = await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync(EscalationStatus.Open);
        Assert.Contains(open, e => e.Level == Coaching.Policy.Escalation.Emergency && e.PatientWords == message);
    }

    [Theory]
    [InlineData("I want to kill myself")]
    [InlineData("i dont want to be here anymore")]
    [InlineData("I'm not suicidal, just fed up")]
    [InlineData("everyone would be better off without me")]
    public async Task SelfHarmLanguage_AnyTime_GivesCrisisLinesAndRecordsAnEscalation(string message)
    {
        await using var transport = AdapterTransport.Create();
        await SeedAsync(transport);
        await transport.SendAsync("check in");

        var replies = await transport.SendAsync(message);

        Assert.Contains("988", replies[0], StringComparison.Ordinal);
        var open = await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync(EscalationStatus.Open);
        Assert.Contains(open, e => e.Level >= Coaching.Policy.Escalation.Urgent);
    }

    [Theory]
    [InlineData("this pain is killing me")]
    [InlineData("the exercises were a bit much")]
    public async Task PainIdiom_MidCheckIn_DoesNotInterrupt(string message)
    {
        await using var transport = AdapterTransport.Create();
        await SeedAsync(transport);
        await transport.SendAsync("check in");

        var replies = await transport.SendAsync(message);

        Assert.Single(replies);
        Assert.Contains("number from 0 to 10", replies[0], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync());
    }

    [Fact]
    public async Task CoachHoldsConversation_OrdinaryMessage_GetsNoAutomaticReply()
    {
        await using var transport = AdapterTransport.Create();
        var patient = await SeedAsync(transport);
        await transport.Services.GetRequiredService<IPatientRepository>().SaveAsync(patient with { CoachHoldsConversation = true });

        Assert.Empty(await transport.SendAsync("check in"));
        Assert.NotEmpty(await transport.SendAsync("I can't control my bladder since this morning"));
    }

    [Fact]
    public async Task AnyMessage_FromAPatientMarkedUnreachable_MarksThemSeenAndReachable()
    {
        await using var transport = AdapterTransport.Create();
        var patient = await SeedAsync(transport);
        var patients = transport.Services.GetRequiredService<IPatientRepository>();
        await patients.SaveAsync(patient with { Reachable = false, LastSeenAt = null });
        var now = transport.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        await transport.SendAsync("hello");

        var after = await patients.GetAsync(patient.PatientId);
        Assert.NotNull(after);
        Assert.True(after.Reachable);
        Assert.Equal(now, after.LastSeenAt);
    }

    [Fact]
    public async Task FirstMessage_BeforeConsent_CreatesNoPatientRecordJustToMarkItSeen()
    {
        await using var transport = AdapterTransport.Create();

        await transport.SendAsync("hi");

        var patients = await transport.Services.GetRequiredService<IPatientRepository>().ListAsync();
        Assert.DoesNotContain(patients, p => p.LastSeenAt is not null);
    }

    private static async Task<PatientRecord> SeedAsync(ITranscriptTransport transport)
    {
        var today = DateOnly.FromDateTime(transport.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return await transport.Services.GetRequiredService<IPatientRepository>().SaveAsync(PatientSeeds.Create("onboarded", "test", "user-1", today));
    }
}
