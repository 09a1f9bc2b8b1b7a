using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using CoachBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Bot;

/// <summary>
/// <c>LastSeenAt</c>: exact enough for the scheduler (a reply after a check-in was sent always counts) without
/// rewriting the whole patient record on every message.
/// </summary>
public sealed class SeenTests
{
    [Fact]
    public async Task Messages_WithinTheResolution_DoNotRewriteThePatientRecord()
    {
        await using var transport = AdapterTransport.Create();
        var patients = transport.Services.GetRequiredService<IPatientRepository>();
        var patient = await CheckInDriver.SeedAsync(transport);
        var first = Now(transport);
        await transport.SendAsync("check in");
        var etagAfterFirst = await StoredETagAsync(transport, patient.PatientId);

        transport.Advance(TimeSpan.FromMinutes(2));
        await transport.SendAsync("3");
        var etagAfterSecond = await StoredETagAsync(transport, patient.PatientId);

        Assert.Equal(first, (await patients.GetAsync(patient.PatientId))!.LastSeenAt);
        Assert.Equal(etagAfterFirst, etagAfterSecond);
    }

    [Fact]
    public async Task Message_OnceLastSeenIsAsOldAsTheResolution_MovesItOn()
    {
        await using var transport = AdapterTransport.Create();
        var patients = transport.Services.GetRequiredService<IPatientRepository>();
        var patient = await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");

        transport.Advance(CoachBotBot.SeenResolution);
        var later = Now(transport);
        await transport.SendAsync("3");

        Assert.Equal(later, (await patients.GetAsync(patient.PatientId))!.LastSeenAt);
    }

    [Fact]
    public async Task Message_AfterAProactiveCheckInTurn_AlwaysMovesLastSeenPastIt()
    {
        await using var transport = AdapterTransport.Create();
        var patients = transport.Services.GetRequiredService<IPatientRepository>();
        var patient = await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");

        // The scheduler's turn comes a minute later (here mid-dialog, so it starts nothing, but the scheduler
        // has recorded its send), and the patient writes a minute after that: well within the resolution.
        transport.Advance(TimeSpan.FromMinutes(1));
        var sent = Now(transport);
        await transport.ProactiveCheckInAsync();

        transport.Advance(TimeSpan.FromMinutes(1));
        var reply = Now(transport);
        await transport.SendAsync("3");

        var seen = (await patients.GetAsync(patient.PatientId))!.LastSeenAt;
        Assert.Equal(reply, seen);
        Assert.True(seen >= sent);
    }

    private static async Task<string?> StoredETagAsync(AdapterTransport transport, string patientId)
    {
        var key = RecordKeys.Patient(patientId);
        var items = await transport.Services.GetRequiredService<IStorage>().ReadAsync([key]);
        return items.TryGetValue(key, out var item) ? item.ETag : null;
    }

    private static DateTimeOffset Now(AdapterTransport transport) => transport.Services.GetRequiredService<TimeProvider>().GetUtcNow();
}
