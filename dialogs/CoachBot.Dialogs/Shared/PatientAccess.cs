using CoachBot.Coaching.Policy;
using CoachBot.Protocol.Turns;
using CoachBot.Storage.Records;

namespace CoachBot.Dialogs.Shared;

/// <summary>Reads and stages the turn's patient record and raises escalations, all inside the turn's batch.</summary>
internal static class PatientAccess
{
    /// <summary>The patient id of the turn's user.</summary>
    public static string PatientIdOf(ITurnContext turn) =>
        PatientId.From(turn.Activity.ChannelId ?? "unknown", turn.Activity.From?.Id ?? "unknown");

    /// <summary>The patient (a new, unsaved record when there is none yet).</summary>
    public static async Task<PatientRecord> GetAsync(this DialogServices services, ITurnContext turn, CancellationToken cancellationToken)
    {
        var id = PatientIdOf(turn);
        return await services.Patients.GetAsync(id, turn, cancellationToken).ConfigureAwait(false)
            ?? new PatientRecord
            {
                PatientId = id,
                ChannelId = turn.Activity.ChannelId ?? "unknown",
                UserId = turn.Activity.From?.Id ?? "unknown",
                CreatedAt = services.Time.GetUtcNow(),
                Locale = turn.Activity.Locale,
            };
    }

    /// <summary>Applies a change to the patient and stages it.</summary>
    public static async Task<PatientRecord> UpdateAsync(this DialogServices services, ITurnContext turn, Func<PatientRecord, PatientRecord> change, CancellationToken cancellationToken)
    {
        var patient = change(await services.GetAsync(turn, cancellationToken).ConfigureAwait(false));
        services.Patients.Stage(turn, patient);
        return patient;
    }

    /// <summary>Stages a new escalation for the turn's patient.</summary>
    public static void Escalate(this DialogServices services, ITurnContext turn, Escalation level, IReadOnlyList<string> ruleIds, string reason, string? patientWords)
    {
        var now = services.Time.GetUtcNow();
        services.Escalations.Stage(turn, new EscalationRecord
        {
            Id = EscalationIds.New(now),
            PatientId = PatientIdOf(turn),
            Level = level,
            RuleIds = ruleIds,
            Reason = reason,
            PatientWords = patientWords,
            RaisedAt = now,
        });
    }

    /// <summary>The patient's local date (their time zone, else UTC).</summary>
    public static DateOnly Today(this DialogServices services, PatientRecord patient) => DateOnly.FromDateTime(services.LocalNow(patient).DateTime);

    /// <summary>Now in the patient's time zone (else UTC).</summary>
    public static DateTimeOffset LocalNow(this DialogServices services, PatientRecord patient) => ToLocal(services.Time.GetUtcNow(), patient);

    /// <summary>An instant in the patient's time zone (else UTC).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, PatientRecord patient) =>
        patient.TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) ? TimeZoneInfo.ConvertTime(instant, info) : instant.ToUniversalTime();

    /// <summary>The instant of a local date and time in the patient's time zone (else UTC).</summary>
    public static DateTimeOffset FromLocal(DateOnly date, TimeOnly time, PatientRecord patient)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (patient.TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info))
        {
            return new DateTimeOffset(local, info.GetUtcOffset(local));
        }

        return new DateTimeOffset(local, TimeSpan.Zero);
    }

    /// <summary>The name to greet with (falls back to the channel's display name).</summary>
    public static string NameOf(PatientRecord patient, ITurnContext turn) => patient.Name ?? turn.Activity.From?.Name ?? string.Empty;
}
