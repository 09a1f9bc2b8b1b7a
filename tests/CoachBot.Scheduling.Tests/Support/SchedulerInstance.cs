using CoachBot.Content;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Records;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Scheduling.Tests.Support;

/// <summary>
/// One scheduler "host instance": its own service provider and bot runtime over a shared store, clock and
/// connector stand-in. Two of these on one store behave like two host processes.
/// </summary>
internal sealed class SchedulerInstance : IAsyncDisposable
{
    public const string CheckInText = "Time for your check-in.";

    public const string ReminderText = "Reminder text.";

    private readonly ServiceProvider _services;

    public SchedulerInstance(IStorage storage, IConnectorClient connector, FakeTimeProvider time, Action<SchedulerOptions>? configure = null, Func<ITurnContext, CancellationToken, Task>? checkIn = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(storage);
        services.AddSingleton(connector);
        services.AddBotRuntime();
        services.AddSingleton(Catalog);
        services.AddCoachBotScheduling(_ => checkIn ?? ((turn, ct) => turn.SendActivityAsync(CheckInText, ct)));
        services.Configure<SchedulerOptions>(o =>
        {
            o.GlobalSendsPerSecond = 0;
            configure?.Invoke(o);
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Scheduler = _services.GetRequiredService<CheckInScheduler>();
    }

    public static ContentCatalog Catalog { get; } = ContentCatalog.Parse($$"""{ "checkin.reminder": "{{ReminderText}}" }""");

    public CheckInScheduler Scheduler { get; }

    public IPatientRepository Patients => _services.GetRequiredService<IPatientRepository>();

    public IEscalationRepository Escalations => _services.GetRequiredService<IEscalationRepository>();

    public IConversationReferenceStore References => _services.GetRequiredService<IConversationReferenceStore>();

    /// <summary>Creates an onboarded patient with a schedule and a stored reference to conversation <c>conv-{user}</c>.</summary>
    public async Task<PatientRecord> AddPatientAsync(string userId, CheckInSchedule? schedule, Func<PatientRecord, PatientRecord>? change = null, ConversationReference? reference = null)
    {
        var id = PatientId.From(Channels.Test, userId);
        var patient = new PatientRecord
        {
            PatientId = id,
            ChannelId = Channels.Test,
            UserId = userId,
            Onboarded = true,
            Schedule = schedule,
            TimeZone = schedule?.TimeZone,
        };
        patient = change?.Invoke(patient) ?? patient;
        await References.SaveAsync(id, reference ?? TestAdapter.CreateReference("conv-" + userId, userId));
        return await Patients.SaveAsync(patient);
    }

    public async Task<PatientRecord> UpdatePatientAsync(string patientId, Func<PatientRecord, PatientRecord> change)
    {
        var patient = await Patients.GetAsync(patientId) ?? throw new InvalidOperationException("no patient " + patientId);
        return await Patients.SaveAsync(change(patient));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
