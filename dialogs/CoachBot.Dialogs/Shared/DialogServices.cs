using CoachBot.Coaching.Safety;
using CoachBot.Content;
using CoachBot.Storage.Records;

namespace CoachBot.Dialogs.Shared;

/// <summary>What the dialogs share: content, the safety lexicon, the record ports and the clock.</summary>
internal sealed class DialogServices(
    CoachBotContent content,
    SafetyLexicon lexicon,
    IPatientRepository patients,
    ICheckInRepository checkIns,
    IEscalationRepository escalations,
    TimeProvider time)
{
    public CoachBotContent Content => content;

    public Texts Texts { get; } = new(content);

    public SafetyLexicon Lexicon => lexicon;

    public IPatientRepository Patients => patients;

    public ICheckInRepository CheckIns => checkIns;

    public IEscalationRepository Escalations => escalations;

    public TimeProvider Time => time;
}
