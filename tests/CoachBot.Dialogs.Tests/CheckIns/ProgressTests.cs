using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.CheckIns;

/// <summary>"My progress": plurals from content, "stayed at" instead of "from 3 to 3", plain trend words.</summary>
public sealed class ProgressTests
{
    [Fact]
    public async Task OneCheckIn_SaysOneCheckInAndThePainOnce()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await AppendAsync(transport, (3, Decision.Hold));

        var replies = await transport.SendAsync("my progress");

        var summary = replies[^1];
        Assert.Equal("At your check-in, your pain was 3 out of 10. You have done 1 check-in. You held steady once.", summary);
    }

    [Fact]
    public async Task SamePainTwice_SaysStayedAt_AndCountsInThePlural()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await AppendAsync(transport, (3, Decision.Hold), (3, Decision.Hold));

        var replies = await transport.SendAsync("my progress");

        Assert.Contains("about the same", replies[1], StringComparison.Ordinal);
        Assert.Equal("Your pain stayed at 3 out of 10. You have done 2 check-ins. You held steady 2 times.", replies[^1]);
        Assert.DoesNotContain("from 3 to 3", string.Join(" ", replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FallingPain_SaysBetter_AndNamesOnlyTheDecisionsThatHappened()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await AppendAsync(transport, (6, Decision.Pause), (4, Decision.Hold), (2, Decision.Hold), (1, Decision.Progress));

        var replies = await transport.SendAsync("my progress");

        Assert.Equal("Your back pain is better than before. Well done!", replies[1]);
        Assert.Equal("Your pain went from 6 to 1 out of 10. You have done 4 check-ins. You stepped up once. You held steady 2 times. You took a break once.", replies[^1]);
        Assert.DoesNotContain(replies, r => r.Contains("0 times", StringComparison.Ordinal) || r.Contains("1 times", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RisingPain_SaysWorse()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await AppendAsync(transport, (2, Decision.Hold), (5, Decision.Hold));

        var replies = await transport.SendAsync("my progress");

        Assert.StartsWith("Your back pain is worse than before.", replies[1], StringComparison.Ordinal);
    }

    private static async Task AppendAsync(ITranscriptTransport transport, params (int Pain, Decision Decision)[] checkIns)
    {
        var repository = transport.Services.GetRequiredService<ICheckInRepository>();
        var sequence = 0;
        foreach (var (pain, decision) in checkIns)
        {
            sequence++;
            await repository.AppendAsync(new CheckInEntry
            {
                PatientId = PatientId.From("test", "user-1"),
                Sequence = sequence,
                RecordedAt = DateTimeOffset.UnixEpoch.AddDays(sequence),
                LocalDate = new DateOnly(2020, 1, 1).AddDays(sequence),
                Input = new CheckInInput { PainNow = pain },
                Decision = decision,
                Escalation = Escalation.None,
                MustMention = [],
                FiredRules = [],
                RuleSetVersion = "test",
            });
        }
    }
}
