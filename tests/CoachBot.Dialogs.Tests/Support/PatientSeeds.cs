using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Programs;
using CoachBot.Coaching.Screening;
using CoachBot.Records;

namespace CoachBot.Dialogs.Tests.Support;

/// <summary>Patients in a known state, for transcripts that start after onboarding.</summary>
public static class PatientSeeds
{
    public static PatientRecord Create(string given, string channelId, string userId, DateOnly today)
    {
        var program = StarterProgram.Create(StartBackRisk.Medium);
        if (given.Contains("stable history", StringComparison.Ordinal))
        {
            var stable = new CheckInInput { PainNow = 2, PainDuringLastSession = 2, PainNextMorningSettled = true, PainTrendVsLastWeek = PainTrend.Same, RedFlags = new HashSet<RedFlag> { RedFlag.None } };
            program = program with
            {
                CheckIns =
                [
                    new CheckInRecord(today.AddDays(-8), stable, Decision.Hold, Escalation.None, ["ST-1"], "test"),
                    new CheckInRecord(today.AddDays(-4), stable, Decision.Hold, Escalation.None, ["ST-1"], "test"),
                ],
                Sessions = [today.AddDays(-9), today.AddDays(-6), today.AddDays(-3), today.AddDays(-1)],
            };
        }

        return new PatientRecord
        {
            PatientId = PatientId.From(channelId, userId),
            ChannelId = channelId,
            UserId = userId,
            Name = "Sam",
            Consent = true,
            Onboarded = true,
            Locale = "en-US",
            TimeZone = "Etc/UTC",
            Program = program,
            CheckInCount = program.CheckIns.Count,
            LastRedFlagScreenOn = today,
            LastSafetyNetAt = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), // given at onboarding
            Schedule = new CheckInSchedule { Days = [DayOfWeek.Monday, DayOfWeek.Thursday], LocalTime = new TimeOnly(9, 0), TimeZone = "Etc/UTC" },
        };
    }
}
