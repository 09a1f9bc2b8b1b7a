using CoachBot.Accounts;
using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Audit;
using CoachBot.CoachReview.Patients;
using CoachBot.CoachReview.Queue;
using CoachBot.CoachReview.SignIn;
using CoachBot.CoachReview.Teams;
using CoachBot.CoachReview.Web;
using CoachBot.Records;
using CoachBot.Storage;
using CoachBot.Records.Caseload;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.CoachReview;

/// <summary>Registers the coach review app.</summary>
public static class CoachReviewServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Coaches</c> section, adds cookie authentication for coaches (HttpOnly, SameSite=Strict,
    /// Secure outside Development), the <see cref="CoachAuth.Policy"/> policy, antiforgery, the coach services and the Teams
    /// channel notifier. Needs the record ports and the bot runtime (<c>AddCoachBotDialogs</c>, <c>AddBotRuntime</c>).
    /// </summary>
    public static IServiceCollection AddCoachReview(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CoachReviewOptions>().Bind(configuration.GetSection(CoachReviewOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoachReviewOptions>, CoachReviewOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication(CoachAuth.Scheme).AddCookie(CoachAuth.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(CoachAuth.Scheme)
            .Configure<IOptions<CoachReviewOptions>, IHostEnvironment>((cookie, coaches, environment) => CoachAuth.Configure(cookie, coaches.Value, environment));
        services.AddAuthorizationBuilder()
            .AddPolicy(CoachAuth.Policy, policy => policy.AddAuthenticationSchemes(CoachAuth.Scheme).RequireAuthenticatedUser());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "CoachBot.Coach.Antiforgery";
            options.Cookie.Path = "/coach";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<CoachReviewOptions>, IHostEnvironment>((options, coaches, environment) => options.Cookie.SecurePolicy = CoachAuth.SecurePolicy(coaches.Value, environment));
        services.AddOrganisationSignIn(configuration); // section Coaches:OpenIdConnect

        services.TryAddSingleton(sp => new CoachZone(TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<CoachReviewOptions>>().Value.TimeZone)));
        services.TryAddSingleton(sp => new CoachAccounts(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<CoachReviewOptions>>().Value));
        services.TryAddSingleton(sp => new AuditLog(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DocumentStore<ResolutionNote>(sp.GetRequiredService<IStorage>(), CoachActions.NotesCollection));
        services.TryAddSingleton(sp => new QueueBuilder(
            sp.GetRequiredService<CaseloadStore>(), sp.GetRequiredService<IEscalationRepository>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CoachZone>().Zone));
        services.TryAddSingleton<LoginForms>();
        services.TryAddSingleton<CoachActions>();
        services.TryAddSingleton<PatientFiles>();
        services.TryAddSingleton<Inbox.InboxItems>();
        services.TryAddSingleton<CoachChannelNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<CoachChannelNotifier>());
        return services;
    }
}
