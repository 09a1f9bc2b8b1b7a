namespace CoachBot.CoachReview.Audit;

/// <summary>One line of the coaches' audit log: who did what, to which patient, when. Never changed once written.</summary>
public sealed record AuditEntry
{
    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The coach's login (for a failed login: the e-mail that was typed).</summary>
    public required string Coach { get; init; }

    /// <summary>What, one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>The patient, when the action concerned one.</summary>
    public string? PatientId { get; init; }

    /// <summary>The escalation, when the action concerned one.</summary>
    public string? EscalationId { get; init; }

    /// <summary>Details: the reply text, the note, the override, or the error.</summary>
    public string? Detail { get; init; }
}

/// <summary>The action names written to the audit log.</summary>
public static class AuditActions
{
    public const string Login = "login";
    public const string LoginFailed = "login-failed";
    public const string Logout = "logout";
    public const string ViewQueue = "view-queue";
    public const string ViewPatient = "view-patient";
    public const string ViewAudit = "view-audit";
    public const string Acknowledge = "acknowledge";
    public const string Reply = "reply";
    public const string ReplyFailed = "reply-failed";
    public const string HandBack = "hand-back";
    public const string HandBackFailed = "hand-back-failed";
    public const string Resolve = "resolve";
    public const string Override = "override";
    public const string ClearForTraining = "clear-for-training";
}
