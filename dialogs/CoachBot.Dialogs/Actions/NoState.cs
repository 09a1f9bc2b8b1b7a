namespace CoachBot.Dialogs.Actions;

/// <summary>The (empty) persisted state of single-question dialogs.</summary>
internal sealed class NoState
{
}
