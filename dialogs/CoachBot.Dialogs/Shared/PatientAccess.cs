using CoachBot.Coaching.Policy;
using CoachBot.Protocol.Turns;
using CoachBot.Records;

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

    /// <summary>
    /// Stages a new escalation for the turn's patient, with at most an excerpt of their words. One conversation raises
    /// at most <see cref="EscalationOptions.MaxPerConversation"/> escalations of a level per window: later ones are
    /// counted on the last one raised (the coach sees "and N more"), unless that one was resolved or erased, so a flood
    /// of red-flag messages cannot flood the coach queue or the Teams channel, and nothing raised is lost.
    /// </summary>
    public static async Task EscalateAsync(this DialogServices services, ITurnContext turn, Escalation level, IReadOnlyList<string> ruleIds, string reason, string? patientWords, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        var limits = services.EscalationLimits;
        var words = Excerpt(patientWords, limits.MaxPatientWords);
        var counts = await services.EscalationCounts.GetAsync(turn, () => new EscalationCounts(), cancellationToken).ConfigureAwait(false);
        var levelName = level.ToString();
        if (!counts.Levels.TryGetValue(levelName, out var window) || now - window.Start >= limits.Window || now < window.Start)
        {
            window = new EscalationWindow { Start = now };
            counts.Levels[levelName] = window;
        }

        if (window.Raised >= limits.MaxPerConversation && window.LastId is { } lastId
            && await services.Escalations.GetAsync(lastId, cancellationToken).ConfigureAwait(false) is { Status: not EscalationStatus.Resolved } last)
        {
            services.Escalations.Stage(turn, last with { MoreRaised = last.MoreRaised + 1, LastMoreAt = now, LastMoreRuleIds = ruleIds });
            await services.EscalationCounts.SetAsync(turn, counts, cancellationToken).ConfigureAwait(false);
            return;
        }

        var id = EscalationIds.New(now);
        services.Escalations.Stage(turn, new EscalationRecord
        {
            Id = id,
            PatientId = PatientIdOf(turn),
            Level = level,
            RuleIds = ruleIds,
            Reason = reason,
            PatientWords = words,
            RaisedAt = now,
        });
        window.Raised = window.Raised >= limits.MaxPerConversation ? 1 : window.Raised + 1;
        window.LastId = id;
        await services.EscalationCounts.SetAsync(turn, counts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>At most <paramref name="max"/> characters of the patient's words (never half a character), marked when cut.</summary>
    internal static string? Excerpt(string? words, int max)
    {
        if (words is null || words.Length <= max)
        {
            return words;
        }

        var cut = char.IsHighSurrogate(words[max - 2]) ? max - 2 : max - 1;
        return words[..cut] + "\u2026";
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
