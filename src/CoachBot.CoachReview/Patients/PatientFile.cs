using CoachBot.CoachReview.Actions;
using CoachBot.Protocol.Schema;
using CoachBot.Records;

namespace CoachBot.CoachReview.Patients;

/// <summary>Everything the coach sees about one patient.</summary>
/// <param name="Patient">The patient record.</param>
/// <param name="CheckIns">Check-ins, oldest first.</param>
/// <param name="Escalations">Every escalation of the patient, newest first.</param>
/// <param name="Notes">Resolution notes by escalation id.</param>
/// <param name="Transcript">The activities of the patient's latest conversation, in order.</param>
/// <param name="Reference">The stored conversation reference, when there is one.</param>
public sealed record PatientFile(
    PatientRecord Patient,
    IReadOnlyList<CheckInEntry> CheckIns,
    IReadOnlyList<EscalationRecord> Escalations,
    IReadOnlyDictionary<string, ResolutionNote> Notes,
    IReadOnlyList<Activity> Transcript,
    ConversationReference? Reference)
{
    /// <summary>The pain trend points.</summary>
    public IReadOnlyList<PainPoint> PainPoints => [.. CheckIns.Select(c => new PainPoint(c.RecordedAt, c.Input.PainNow, c.Decision))];

    /// <summary>When the last check-in was recorded; null before the first.</summary>
    public DateTimeOffset? LastCheckInAt => CheckIns.Count == 0 ? null : CheckIns.Max(c => c.RecordedAt);

    /// <summary>The patient's and the bot's (or a coach's) messages after the last check-in, oldest first; all of them before the first check-in.</summary>
    public IReadOnlyList<Activity> SinceLastCheckIn =>
    [
        .. Transcript
            .Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text) && a.Timestamp is { } at && (LastCheckInAt is not { } last || at > last))
            .OrderBy(a => a.Timestamp),
    ];
}

/// <summary>Loads a <see cref="PatientFile"/> through the storage ports.</summary>
public sealed class PatientFiles(
    IPatientRepository patients,
    ICheckInRepository checkIns,
    IEscalationRepository escalations,
    IConversationReferenceStore references,
    ITranscriptReader transcripts,
    CoachActions actions)
{
    /// <summary>The patient's file, or null when there is no such patient.</summary>
    public async Task<PatientFile?> LoadAsync(string patientId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(patientId))
        {
            return null;
        }

        var patient = await patients.GetAsync(patientId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            return null;
        }

        var history = await checkIns.ListAsync(patientId, cancellationToken).ConfigureAwait(false);
        var raised = await escalations.ListAsync(patientId: patientId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var notes = new Dictionary<string, ResolutionNote>(StringComparer.Ordinal);
        foreach (var escalation in raised.Where(e => e.Status == EscalationStatus.Resolved))
        {
            if (await actions.GetNoteAsync(escalation.Id, cancellationToken).ConfigureAwait(false) is { } note)
            {
                notes[escalation.Id] = note;
            }
        }

        var reference = await references.GetAsync(patientId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Activity> transcript = reference is { ChannelId: { Length: > 0 } channel, Conversation.Id: { Length: > 0 } conversation }
            ? await transcripts.GetConversationAsync(channel, conversation, cancellationToken).ConfigureAwait(false)
            : [];
        return new PatientFile(patient, history, [.. raised.Reverse()], notes, transcript, reference);
    }
}
