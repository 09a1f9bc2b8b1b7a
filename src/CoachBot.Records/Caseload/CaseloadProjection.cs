using CoachBot.Coaching.Policy;

namespace CoachBot.Records.Caseload;

/// <summary>How each record changes a patient's <see cref="CaseloadRow"/>. Pure: the same record applied twice gives the same row.</summary>
public static class CaseloadProjection
{
    /// <summary>Rule id of a patient's note at "anything else?".</summary>
    public const string NoteRule = RuleTable.Note;

    /// <summary>An empty row for a patient first seen through another record.</summary>
    public static CaseloadRow Empty(string patientId, DateTimeOffset at) => new() { PatientId = patientId, CreatedAt = at };

    public static CaseloadRow Apply(CaseloadRow? row, PatientRecord patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var current = row ?? Empty(patient.PatientId, patient.CreatedAt);
        var sessions = patient.Program?.Sessions ?? [];
        var latest = sessions.Count == 0 ? (DateOnly?)null : sessions.Max();
        var escalations = current.Escalations.Where(e => !e.IsClearance).ToList();
        if (patient.Clearance is { } clearance)
        {
            escalations.Add(new EscalationPoint
            {
                Id = EscalationPoint.ClearanceId,
                Level = Escalation.Routine,
                RaisedAt = clearance.RequestedAt,
                Open = clearance.Pending,
                FirstResponseAt = clearance.ClearedAt,
            });
        }

        return current with
        {
            Name = patient.Name,
            CreatedAt = patient.CreatedAt,
            Onboarded = patient.Onboarded,
            Phase = patient.Program?.Phase.ToString().ToLowerInvariant(),
            LadderStep = patient.Program?.LadderStep ?? 0,
            BaselinePain = patient.BaselinePain,
            CheckInsActive = patient.CheckInsActive,
            Reachable = patient.Reachable,
            LastSeenAt = patient.LastSeenAt,
            HeldBy = patient.CoachHoldsConversation ? patient.HoldingCoach ?? "a coach" : null,
            ClearancePending = patient.Clearance is { Pending: true },
            Sessions = latest is { } last
                ? [.. sessions.Where(d => d.DayNumber > last.DayNumber - CaseloadRow.SessionDaysKept).Order()]
                : [],
            Escalations = Prune(escalations),
        };
    }

    public static CaseloadRow Apply(CaseloadRow? row, CheckInEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var current = row ?? Empty(entry.PatientId, entry.RecordedAt);
        var point = new CheckInPoint { Sequence = entry.Sequence, At = entry.RecordedAt, LocalDate = entry.LocalDate, Pain = entry.Input.PainNow, Decision = entry.Decision };
        var checkIns = current.CheckIns.Where(c => c.Sequence != entry.Sequence).Append(point).OrderBy(c => c.Sequence).ToList();
        var newest = checkIns.Max(c => c.LocalDate.DayNumber);
        return current with
        {
            CheckIns = [.. checkIns.Where((c, i) => i >= checkIns.Count - CaseloadRow.RecentCheckIns || c.LocalDate.DayNumber > newest - CaseloadRow.CheckInDaysKept)],
        };
    }

    public static CaseloadRow Apply(CaseloadRow? row, EscalationRecord escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var current = row ?? Empty(escalation.PatientId, escalation.RaisedAt);
        var before = current.Escalations.FirstOrDefault(e => string.Equals(e.Id, escalation.Id, StringComparison.Ordinal));
        var responded = escalation.Status != EscalationStatus.Open ? escalation.StatusAt : null;
        var point = new EscalationPoint
        {
            Id = escalation.Id,
            Level = escalation.Level,
            IsNote = escalation.Level == Escalation.None && escalation.RuleIds.Contains(NoteRule, StringComparer.Ordinal),
            RaisedAt = escalation.RaisedAt,
            Open = escalation.Status != EscalationStatus.Resolved,
            FirstResponseAt = before?.FirstResponseAt ?? responded,
        };
        var list = current.Escalations.Where(e => !string.Equals(e.Id, escalation.Id, StringComparison.Ordinal)).Append(point).ToList();
        return current with { Escalations = Prune(list) };
    }

    public static CaseloadRow Apply(CaseloadRow? row, string patientId, CaseloadAssignment? assignment, DateTimeOffset at) =>
        (row ?? Empty(patientId, at)) with { Coach = assignment?.Coach };

    /// <summary>Every open item, then the newest closed ones (at most <see cref="CaseloadRow.ClosedEscalationsKept"/>), oldest first.</summary>
    private static IReadOnlyList<EscalationPoint> Prune(List<EscalationPoint> points)
    {
        var closed = points.Where(e => !e.Open).OrderByDescending(e => e.RaisedAt).Take(CaseloadRow.ClosedEscalationsKept);
        return [.. points.Where(e => e.Open).Concat(closed).OrderBy(e => e.RaisedAt).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }
}
