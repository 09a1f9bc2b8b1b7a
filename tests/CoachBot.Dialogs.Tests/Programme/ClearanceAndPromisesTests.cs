using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Screening;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Programme;

/// <summary>The screening's hold and its release, and the promises the bot makes: notes reach the coach, the flare-up plan records, cards show how.</summary>
public sealed class ClearanceAndPromisesTests
{
    private static TrainingClearance Held(DateTimeOffset at) => new() { RuleIds = ["SX-1"], Reason = "SX-1: back surgery 5 weeks ago", RequestedAt = at };

    [Fact]
    public async Task AfterBackSurgery_NoLoadedExercise_UntilACoachClears_ThenThePlanIsShownOnce()
    {
        await using var transport = AdapterTransport.Create();
        var now = transport.Adapter.Time.GetUtcNow();
        await CheckInDriver.SeedAsync(transport, change: p => p with { Clearance = Held(now) });

        var held = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));

        Assert.Contains(held, r => r.Contains("on hold until your coach or your doctor says it's OK", StringComparison.Ordinal));
        Assert.DoesNotContain(held, r => r.Contains("Here is your next session", StringComparison.Ordinal));
        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Contains(entry.FiredRules, r => r.RuleId == "CL-1");
        Assert.False(entry.Prescription!.TrainingAllowed);

        // A coach clears it (what the coach page's "Clear for training" saves).
        var patients = transport.Services.GetRequiredService<IPatientRepository>();
        var patient = (await patients.GetAsync(PatientId.From("test", "user-1")))!;
        await patients.SaveAsync(patient with { Clearance = patient.Clearance! with { ClearedAt = now, ClearedBy = "coach@example.org", Note = "surgeon agreed" } });

        var told = await transport.SendAsync("hi");
        var again = await transport.SendAsync("hi");

        Assert.StartsWith("Good news: your coach says it's OK", told[0], StringComparison.Ordinal);
        Assert.Contains(told, r => r.Contains("Kettlebell deadlift", StringComparison.Ordinal));
        Assert.DoesNotContain(again, r => r.StartsWith("Good news", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveWeeksAfterSurgery_ACoachsClearance_ReleasesTheHold_TrainingWithoutAutomaticProgression()
    {
        await using var transport = AdapterTransport.Create();
        var now = transport.Adapter.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var screening = new ScreeningRecord { Answers = new ScreeningAnswers { Age = 45, SurgeryWeeksAgo = 5 }, RuleIds = [RuleTable.SX1], ScreenedOn = today };
        await CheckInDriver.SeedAsync(transport, change: p => p with { Screening = screening, Clearance = Held(now) });

        await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));
        var held = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Contains(held.FiredRules, r => r.RuleId == RuleTable.SX1);
        Assert.False(held.Prescription!.TrainingAllowed);

        // The coach clears the patient in week 5 (what the coach page's "Clear for training" saves).
        var patients = transport.Services.GetRequiredService<IPatientRepository>();
        var patient = (await patients.GetAsync(PatientId.From("test", "user-1")))!;
        await patients.SaveAsync(patient with { Clearance = patient.Clearance! with { ClearedAt = now, ClearedBy = "coach@example.org", Note = "surgeon agreed" } });
        transport.Advance(TimeSpan.FromDays(1));

        await transport.SendAsync("hi");
        var replies = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));

        var cleared = (await CheckInDriver.EntriesAsync(transport))[^1];
        Assert.DoesNotContain(cleared.FiredRules, r => r.RuleId == RuleTable.SX1);
        Assert.Contains(cleared.FiredRules, r => r.RuleId == RuleTable.SX2);
        Assert.Equal(Decision.Hold, cleared.Decision);
        Assert.True(cleared.Prescription!.TrainingAllowed);
        Assert.Contains(replies, r => r.Contains("Kettlebell deadlift", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MyDoctorSaidYes_ReleasesTheHold_RecordedAsThePatientsReport_WithANoteForTheCoach()
    {
        await using var transport = AdapterTransport.Create();
        var now = transport.Adapter.Time.GetUtcNow();
        await CheckInDriver.SeedAsync(transport, change: p => p with { Clearance = Held(now) });

        var replies = await transport.SendAsync("My doctor said yes");

        Assert.StartsWith("Thanks. I've noted that your doctor said yes", replies[0], StringComparison.Ordinal);
        var clearance = (await transport.Services.GetRequiredService<IPatientRepository>().GetAsync(PatientId.From("test", "user-1")))!.Clearance!;
        Assert.Equal(TrainingClearance.PatientReport, clearance.ClearedBy);
        Assert.Equal(now, clearance.ClearedAt);
        Assert.Equal("My doctor said yes", clearance.Note);
        var escalations = await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync();
        Assert.Contains(escalations, e => e.RuleIds.Contains("CLEARANCE-PATIENT-REPORT") && e.Level == Escalation.None);
    }

    [Fact]
    public async Task AnythingElse_ReachesTheCoachPageAsANote_WithoutAnAlert()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        var replies = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"), ("anything else", "My new shoes help on walks"));

        Assert.Contains("Thanks, I've passed that on to your coach.", replies);
        var note = Assert.Single(await transport.Services.GetRequiredService<IEscalationRepository>().ListAsync());
        Assert.Equal(Escalation.None, note.Level);
        Assert.Equal(["NOTE"], note.RuleIds);
        Assert.Equal("My new shoes help on walks", note.PatientWords);
    }

    [Fact]
    public async Task FlareUpPlan_FromTheMenu_ExplainsTheCycle_AndRecordsAFlareUpWhenOneIsOn()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);

        var plan = await transport.SendAsync("flare-up plan");
        var recorded = await transport.SendAsync("Yes");

        Assert.StartsWith("Here is your flare-up plan", plan[0], StringComparison.Ordinal);
        Assert.Contains(plan, r => r.Contains("Training in small steps breaks this cycle", StringComparison.Ordinal));
        Assert.Contains(plan, r => r.Contains("They are helpers, not the fix", StringComparison.Ordinal));
        Assert.Contains("Are you having a flare-up right now?", plan[^1], StringComparison.Ordinal);
        Assert.Contains(recorded, r => r.StartsWith("I've noted your flare-up", StringComparison.Ordinal));
        Assert.True((await transport.Services.GetRequiredService<IPatientRepository>().GetAsync(PatientId.From("test", "user-1")))!.InFlareUp);
    }

    [Fact]
    public async Task ALessonAlreadyRead_IsNotOfferedAgainAfterACheckIn()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        var offered = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"), ("short read", "Yes, show me"));
        var title = offered.Single(r => r.Contains("short read", StringComparison.Ordinal));

        transport.Advance(TimeSpan.FromDays(1));
        var next = await CheckInDriver.FinishAsync(transport, await transport.SendAsync("check in"));

        Assert.DoesNotContain(next, r => r == title);
    }

    [Fact]
    public async Task HowDoIDo_InWebChat_IsAHeroCard_WithTheHostsPictureUrl_AndWorksMidCheckIn()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        var today = DateOnly.FromDateTime(transport.Adapter.Time.GetUtcNow().UtcDateTime);
        await transport.Services.GetRequiredService<IPatientRepository>().SaveAsync(PatientSeeds.Create("onboarded", "directline", "user-1", today));
        var activity = transport.Adapter.MakeMessage("how do I do a hip bridge?");
        activity.ChannelId = "directline";
        activity.ServiceUrl = "http://127.0.0.1:5123/";

        await transport.Adapter.SendActivityAsync(activity);
        var reply = transport.Adapter.GetNextReply()!;

        var card = Assert.Single(reply.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.hero", card.ContentType);
        var content = card.Content!.Value;
        Assert.Equal("Hip bridge", content.GetProperty("title").GetString());
        Assert.Equal("http://127.0.0.1:5123/content/exercises/glute-bridge.svg", content.GetProperty("images")[0].GetProperty("url").GetString());
        Assert.Contains("Press your heels into the floor.", content.GetProperty("text").GetString(), StringComparison.Ordinal);

        // On the test channel (text only) the cues come as text, and a pending question is asked again.
        await transport.SendAsync("check in");
        var midCheckIn = await transport.SendAsync("how do I do a bird dog?");
        Assert.Contains("Reach one arm forward and the other leg back.", midCheckIn[0], StringComparison.Ordinal);
        Assert.Contains("How bad is your back pain right now", midCheckIn[^1], StringComparison.Ordinal);
    }
}
