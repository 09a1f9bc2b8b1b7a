namespace CoachBot.Records;

/// <summary>Where an escalation is in the coaches' queue.</summary>
public enum EscalationStatus
{
    /// <summary>Raised, nobody has picked it up.</summary>
    Open,

    /// <summary>A coach has seen it.</summary>
    Acknowledged,

    /// <summary>Dealt with.</summary>
    Resolved,
}
