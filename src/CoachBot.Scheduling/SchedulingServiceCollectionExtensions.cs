using CoachBot.Content;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Turns;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduling;

/// <summary>Registers the proactive check-in scheduler.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="SchedulerOptions"/> (section <c>Scheduler</c>; bad values stop start-up),
    /// registers <see cref="CheckInScheduler"/> and its hosted loop. <paramref name="beginCheckIn"/> picks the turn
    /// handler that starts a check-in (for example <c>sp =&gt; sp.GetRequiredService&lt;CoachBotBot&gt;().BeginCheckInAsync</c>).
    /// Needs the bot runtime (<c>AddBotRuntime</c>), the record ports and a <see cref="ContentCatalog"/> or
    /// <see cref="CoachBotContent"/>.
    /// </summary>
    public static IServiceCollection AddCoachBotScheduling(this IServiceCollection services, Func<IServiceProvider, Func<ITurnContext, CancellationToken, Task>> beginCheckIn)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(beginCheckIn);
        services.AddOptions<SchedulerOptions>().BindSettings(SchedulerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>());
        services.AddCoachBotRecords();
        services.TryAddSingleton(sp => new CheckInTurn(beginCheckIn(sp)));
        services.TryAddSingleton<DueIndex>();
        services.TryAddSingleton<SlotClaims>();
        services.TryAddSingleton<CheckInOutcomes>();
        services.TryAddSingleton(sp => new CheckInDelivery(
            sp.GetRequiredService<IConversationReferenceStore>(),
            sp.GetRequiredService<BotAdapter>(),
            sp.GetRequiredService<CheckInTurn>(),
            sp.GetService<ContentCatalog>() ?? sp.GetRequiredService<CoachBotContent>().Messages,
            sp.GetRequiredService<IOptions<SchedulerOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CheckInScheduler>>()));
        services.TryAddSingleton(sp => new CheckInScheduler(
            sp.GetRequiredService<IPatientRepository>(),
            sp.GetRequiredService<DueIndex>(),
            sp.GetRequiredService<SlotClaims>(),
            sp.GetRequiredService<CheckInDelivery>(),
            sp.GetRequiredService<CheckInOutcomes>(),
            sp.GetRequiredService<IOptions<SchedulerOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CheckInScheduler>>()));
        services.AddHostedService<CheckInSchedulerService>();
        return services;
    }
}
