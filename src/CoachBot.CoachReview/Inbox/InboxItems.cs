using CoachBot.CoachReview.Actions;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using CoachBot.Records.Caseload;
using CoachBot.Storage;

namespace CoachBot.CoachReview.Inbox;

/// <summary>One inbox item: a patient's note at "anything else?", or the patient's replies in a conversation a coach holds.</summary>
/// <param name="Kind"><c>note</c> or <c>reply</c>.</param>
/// <param name="Id">The note's escalation id, or the patient id for replies.</param>
/// <param name="Row">The patient's caseload row.</param>
/// <param name="At">When the (last) message came.</param>
/// <param name="Messages">The patient's words.</param>
/// <param name="Conversation">For replies: the conversation since the last check-in, as (when, from the patient, text).</param>
public sealed record InboxItem(string Kind, string Id, CaseloadRow Row, DateTimeOffset At, IReadOnlyList<string> Messages, IReadOnlyList<(DateTimeOffset At, bool FromPatient, string Text)> Conversation);

/// <summary>How far a coach has marked a patient's replies done.</summary>
public sealed record InboxDoneMark
{
    public required DateTimeOffset DoneUpTo { get; init; }

    public required string By { get; init; }
}

/// <summary>
/// Builds a coach's inbox from the caseload rows: open notes of the coach's patients (and those nobody is assigned
/// to), and, in conversations the coach holds, the patient's messages after the last message to them that are not
/// marked done. Only the held conversations' transcripts are read.
/// </summary>
public sealed class InboxItems(IEscalationRepository escalations, IConversationReferenceStore references, ITranscriptReader transcripts, IStorage storage)
{
    /// <summary>The storage collection of the done marks.</summary>
    public const string DoneCollection = "caseload/inbox-done";

    private readonly DocumentStore<InboxDoneMark> _done = new(storage, DoneCollection);

    public async Task<IReadOnlyList<InboxItem>> ListAsync(IReadOnlyList<CaseloadRow> rows, CoachIdentity coach, bool all, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(coach);
        var items = new List<InboxItem>();
        foreach (var row in rows.Where(r => all || r.Coach is null || string.Equals(r.Coach, coach.Email, StringComparison.Ordinal)))
        {
            foreach (var point in row.Escalations.Where(e => e.Open && e.IsNote))
            {
                var note = await escalations.GetAsync(point.Id, cancellationToken).ConfigureAwait(false);
                items.Add(new InboxItem("note", point.Id, row, point.RaisedAt, [note?.PatientWords ?? note?.Reason ?? string.Empty], []));
            }
        }

        foreach (var row in rows.Where(r => r.HeldBy is not null && (all || string.Equals(r.HeldBy, coach.Email, StringComparison.Ordinal))))
        {
            if (await RepliesAsync(row, cancellationToken).ConfigureAwait(false) is { } reply)
            {
                items.Add(reply);
            }
        }

        return [.. items.OrderBy(i => i.At)];
    }

    /// <summary>Marks the patient's replies done up to the newest one now open.</summary>
    public async Task<bool> MarkRepliesDoneAsync(CaseloadRow row, string by, CancellationToken cancellationToken = default)
    {
        if (await RepliesAsync(row, cancellationToken).ConfigureAwait(false) is not { } reply)
        {
            return false;
        }

        await _done.UpdateAsync(row.PatientId, _ => new InboxDoneMark { DoneUpTo = reply.At, By = by }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<InboxItem?> RepliesAsync(CaseloadRow row, CancellationToken cancellationToken)
    {
        var reference = await references.GetAsync(row.PatientId, cancellationToken).ConfigureAwait(false);
        if (reference is not { ChannelId: { Length: > 0 } channel, Conversation.Id: { Length: > 0 } conversation })
        {
            return null;
        }

        var botId = reference.Bot?.Id;
        var messages = (await transcripts.GetConversationAsync(channel, conversation, cancellationToken).ConfigureAwait(false))
            .Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text) && a.Timestamp is not null)
            .Select(a => (At: a.Timestamp!.Value, FromPatient: !string.Equals(a.From?.Id, botId, StringComparison.Ordinal), Text: a.Text!))
            .ToList();
        var lastToPatient = messages.FindLastIndex(m => !m.FromPatient);
        var done = (await _done.GetAsync(row.PatientId, cancellationToken).ConfigureAwait(false))?.Value.DoneUpTo;
        var replies = messages.Skip(lastToPatient + 1).Where(m => m.FromPatient && (done is null || m.At > done)).ToList();
        if (lastToPatient < 0 || replies.Count == 0)
        {
            return null;
        }

        var since = row.LastCheckIn?.At ?? DateTimeOffset.MinValue;
        return new InboxItem("reply", row.PatientId, row, replies[^1].At, [.. replies.Select(r => r.Text)], [.. messages.Where(m => m.At >= since)]);
    }
}
