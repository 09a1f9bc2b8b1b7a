using CoachBot.Coaching.Programs;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.CheckIns;

/// <summary>The stored patient stays the same size however long they check in; the check-in log keeps every check-in.</summary>
public sealed class HistoryStorageTests
{
    [Fact]
    public async Task DailyCheckIns_StoredProgramKeepsRecentHistory_LogKeepsAll()
    {
        const int days = 24;
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        for (var day = 0; day < days; day++)
        {
            transport.Advance(TimeSpan.FromDays(1));
            await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));
        }

        var patient = (await transport.Services.GetRequiredService<IPatientRepository>().GetAsync(PatientId.From("test", "user-1")))!;
        var program = patient.Program!;
        Assert.Equal(days, patient.CheckInCount);
        Assert.Equal(days, (await CheckInDriver.EntriesAsync(transport)).Count);
        Assert.InRange(program.CheckIns.Count, PatientHistory.KeptDays, PatientHistory.KeptDays + 1);

        // Read back from storage, the run of stable check-ins is whole: every calm check-in (the patient says "the
        // same" as last week) met the pain-monitoring rules, the first of them long since dropped from the program.
        Assert.Equal(days, program.StableRun);
    }
}
