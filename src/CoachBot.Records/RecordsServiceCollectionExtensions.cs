using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.Schema;
using CoachBot.Records.Caseload;
using CoachBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Records;

/// <summary>Registers the record ports over the registered <see cref="IStorage"/>.</summary>
public static class RecordsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPatientRepository"/>, <see cref="ICheckInRepository"/>, <see cref="IEscalationRepository"/>,
    /// <see cref="IConversationReferenceStore"/>, <see cref="ITranscriptReader"/> and the storage
    /// <see cref="ITranscriptLogger"/> (which turns the runtime's transcript middleware on), and the caseload read model
    /// (<see cref="CaseloadStore"/>, <see cref="CaseloadUpdates"/>) the repositories keep. All TryAdd.
    /// </summary>
    public static IServiceCollection AddCoachBotRecords(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TranscriptSettings>();
        services.TryAddSingleton(sp => new RecordStore(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton(sp => new CaseloadStore(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CaseloadUpdates(sp.GetRequiredService<CaseloadStore>(), sp.GetService<ILogger<CaseloadUpdates>>()));

        // The repositories keep the caseload read model (caseload/...) as they write.
        services.TryAddSingleton<IPatientRepository>(sp => new CaseloadPatientRepository(new PatientRepository(sp.GetRequiredService<RecordStore>()), sp.GetRequiredService<CaseloadUpdates>()));
        services.TryAddSingleton<ICheckInRepository>(sp => new CaseloadCheckInRepository(new CheckInRepository(sp.GetRequiredService<RecordStore>()), sp.GetRequiredService<CaseloadUpdates>()));
        services.TryAddSingleton<IEscalationRepository>(sp => new CaseloadEscalationRepository(new EscalationRepository(sp.GetRequiredService<RecordStore>()), sp.GetRequiredService<CaseloadUpdates>()));
        services.TryAddSingleton<IConversationReferenceStore>(sp => new ConversationReferenceStore(new RecordStore(sp.GetRequiredService<IStorage>(), ProtocolJson.Options)));
        services.TryAddSingleton(sp => new StorageTranscriptStore(
            new RecordStore(sp.GetRequiredService<IStorage>(), ProtocolJson.Options),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<TranscriptSettings>>().Value.MaxTranscriptEntriesPerConversationPerDay));
        services.TryAddSingleton<ITranscriptReader>(sp => sp.GetRequiredService<StorageTranscriptStore>());
        services.TryAddSingleton<ITranscriptLogger>(sp => sp.GetRequiredService<StorageTranscriptStore>());
        return services;
    }

    /// <summary>
    /// Binds <see cref="TranscriptSettings"/> from <paramref name="section"/> (checked at start-up, errors naming the key)
    /// and registers the background sweep that deletes entries older than
    /// <see cref="TranscriptSettings.TranscriptRetentionDays"/>. Needs an <see cref="IStorage"/>.
    /// </summary>
    public static IServiceCollection AddTranscriptRetention(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TranscriptSettings>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TranscriptSettings>>(new TranscriptSettingsValidator(section.Path));
        services.AddHostedService<TranscriptRetentionService>();
        return services;
    }

    private sealed class TranscriptSettingsValidator(string section) : IValidateOptions<TranscriptSettings>
    {
        public ValidateOptionsResult Validate(string? name, TranscriptSettings options) =>
            options.Check(section) is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
