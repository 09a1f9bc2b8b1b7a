namespace CoachBot.Dialogs.Shared;

/// <summary>What a free message asks for.</summary>
internal enum Intent
{
    None,
    Help,
    Stop,
    Start,
    CheckIn,
    Progress,
    Learn,
    WhyItHurts,
    FlareUpPlan,
    FlareUpReport,
    TalkToCoach,
    RemindLater,
    ChangeSchedule,
    HowTo,
    DoctorSaidYes,
}
