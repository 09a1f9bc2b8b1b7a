using CoachBot.Coaching.Safety;
using CoachBot.Content;
using CoachBot.Protocol.State;
using CoachBot.Records;

namespace CoachBot.Dialogs.Shared;

/// <summary>What the dialogs share: content, the safety lexicon, the record ports, the clock and the patient's history answers.</summary>
internal sealed class DialogServices(
    CoachBotContent content,
    SafetyLexicon lexicon,
    IPatientRepository patients,
    ICheckInRepository checkIns,
    IEscalationRepository escalations,
    TimeProvider time,
    UserState userState,
    ConversationState conversationState,
    EscalationOptions escalationLimits,
    Exercises.ExerciseMediaOptions mediaOptions)
{
    /// <summary>Where exercise pictures are fetched from.</summary>
    public Exercises.ExerciseMediaOptions MediaOptions => mediaOptions;

    public CoachBotContent Content => content;

    public Texts Texts { get; } = new(content);

    public SafetyLexicon Lexicon => lexicon;

    public IPatientRepository Patients => patients;

    public ICheckInRepository CheckIns => checkIns;

    public IEscalationRepository Escalations => escalations;

    public TimeProvider Time => time;

    /// <summary>The cap on escalations per conversation and the excerpt length of a patient's words.</summary>
    public EscalationOptions EscalationLimits => escalationLimits;

    /// <summary>The escalations this conversation raised per level in the current window, kept in conversation state.</summary>
    public IStatePropertyAccessor<EscalationCounts> EscalationCounts { get; } = conversationState.CreateProperty<EscalationCounts>("coachbot.escalations");

    /// <summary>The card the bot waits for and the card instances already answered, kept in conversation state.</summary>
    public IStatePropertyAccessor<Cards.CardLedger> Cards { get; } = conversationState.CreateProperty<Cards.CardLedger>("coachbot.cards");

    /// <summary>Answers to static history questions (asked once), kept in user state.</summary>
    public IStatePropertyAccessor<HistoryAnswers> History { get; } = userState.CreateProperty<HistoryAnswers>("coachbot.history");
}
