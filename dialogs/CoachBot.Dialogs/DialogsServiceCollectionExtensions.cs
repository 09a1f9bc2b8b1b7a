using CoachBot.Coaching.Safety;
using CoachBot.Content;
using CoachBot.Dialogs.Exercises;
using CoachBot.Dialogs.Shared;
using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Dialogs;

/// <summary>Registers the patient conversations.</summary>
public static class DialogsServiceCollectionExtensions
{
    /// <summary>
    /// Loads and checks the content under <paramref name="contentRoot"/> now (messages, lessons, crisis lines, word
    /// lists, the safety lexicon; every key and word list the dialogs use must exist, so bad content stops start-up), registers the record
    /// ports (<see cref="RecordsServiceCollectionExtensions.AddCoachBotRecords"/>), <see cref="CoachBotBot"/> as the
    /// <see cref="IBot"/> and a content-based <see cref="ITurnErrorReplyProvider"/>. Call <c>AddBotRuntime()</c> too.
    /// </summary>
    public static IServiceCollection AddCoachBotDialogs(this IServiceCollection services, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var content = CoachBotContent.Load(contentRoot);
        content.Messages.Validate(RequiredMessageKeys);
        content.Vocabulary.Validate(RequiredWordLists);
        var lexicon = LoadLexicon(contentRoot);
        content.Messages.Validate(lexicon.Questions.Select(q => q.MessageKey));
        services.AddCoachBotRecords();
        services.AddOptions<EscalationOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(EscalationOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(content);
        services.TryAddSingleton(lexicon);
        services.TryAddSingleton(sp => new DialogServices(
            content,
            lexicon,
            sp.GetRequiredService<IPatientRepository>(),
            sp.GetRequiredService<ICheckInRepository>(),
            sp.GetRequiredService<IEscalationRepository>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<UserState>(),
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<IOptions<EscalationOptions>>().Value,
            sp.GetService<IOptions<ExerciseMediaOptions>>()?.Value ?? new ExerciseMediaOptions()));
        services.TryAddSingleton(sp => new CoachBotBot(
            sp.GetRequiredService<DialogServices>(),
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<IConversationReferenceStore>()));
        services.TryAddSingleton<IBot>(sp => sp.GetRequiredService<CoachBotBot>());
        services.Replace(ServiceDescriptor.Singleton<ITurnErrorReplyProvider>(sp => new ContentTurnErrorReply(sp.GetRequiredService<DialogServices>(), sp.GetRequiredService<ILogger<ContentTurnErrorReply>>())));
        return services;
    }

    /// <summary>
    /// Every message key the content in use must have: all keys of the catalog this build was compiled against
    /// (<see cref="MessageKeys.All"/>) and those the dialogs choose at run time. Checked at start-up, so a clinic's own
    /// content folder that lacks one stops the host naming it.
    /// </summary>
    public static IReadOnlyList<string> RequiredMessageKeys { get; } = [.. MessageKeys.All.Concat(Keys.All).Distinct(StringComparer.Ordinal)];

    /// <summary>Every word list (content/vocabulary) the dialogs use (the start-up check and the content test use it).</summary>
    public static IReadOnlyList<string> RequiredWordLists => WordLists.All;

    /// <summary>Loads content/safety/*.json.</summary>
    public static SafetyLexicon LoadLexicon(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "safety");
        if (!Directory.Exists(folder))
        {
            throw new ContentException($"The safety lexicon folder '{folder}' does not exist. Check the content root.");
        }

        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal);
        return SafetyLexiconParser.Parse(files.Select(f => new SafetyLexiconSource(Path.GetFileName(f), File.ReadAllText(f))));
    }
}
