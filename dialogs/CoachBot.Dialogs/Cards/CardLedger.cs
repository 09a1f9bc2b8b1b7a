namespace CoachBot.Dialogs.Cards;

/// <summary>
/// The cards of one conversation (conversation state): the one card the bot waits for now, and the instances already
/// answered, so a second submit of the same card is answered once.
/// </summary>
internal sealed class CardLedger
{
    /// <summary>How many answered instances are remembered (older ones are out of date anyway).</summary>
    public const int Remembered = 30;

    public string? PendingCardId { get; set; }

    public string? PendingInstance { get; set; }

    public List<string> Answered { get; set; } = [];

    /// <summary>The lesson offer's instance on the last decision card in Teams, and that card's JSON (to replace it once answered).</summary>
    public string? OfferInstance { get; set; }

    public string? OfferCard { get; set; }

    public void MarkAnswered(string instance)
    {
        if (!Answered.Contains(instance, StringComparer.Ordinal))
        {
            Answered.Add(instance);
        }

        if (Answered.Count > Remembered)
        {
            Answered.RemoveRange(0, Answered.Count - Remembered);
        }

        if (string.Equals(PendingInstance, instance, StringComparison.Ordinal))
        {
            PendingCardId = null;
            PendingInstance = null;
        }
    }
}
