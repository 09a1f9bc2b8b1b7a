using System.Text.Json.Nodes;
using System.Text.Json;
using CoachBot.Records.Caseload;
using CoachBot.Storage;

namespace CoachBot.Records;

/// <summary>
/// Finds every stored key that holds one patient's data, so it can be exported or erased: the patient record,
/// check-ins and decisions, escalations, the conversation reference, the transcripts of the patient's
/// conversations, and the bot state of the patient's user and conversations.
/// </summary>
/// <remarks>
/// The patient's channel and user id come from the patient record, or else from the stored conversation
/// reference. Conversations are the reference's conversation plus every transcript conversation on that channel
/// whose first entry was sent by or to the user. Finding them lists the channel's transcript keys, so this is an
/// admin operation, not something for a conversation turn.
/// </remarks>
public sealed class PatientData
{
    private const int ReadChunk = 100;
    private readonly IStorage _storage;

    /// <summary>Creates the finder over a store.</summary>
    public PatientData(IStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
    }

    /// <summary>The keys of one patient's data, grouped; <see cref="PatientDataKeys.IsEmpty"/> when nothing is stored.</summary>
    public async Task<PatientDataKeys> FindAsync(string patientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        var patientKey = RecordKeys.Patient(patientId);
        var referenceKey = RecordKeys.Reference(patientId);
        var direct = await _storage.ReadAsync([patientKey, referenceKey], cancellationToken).ConfigureAwait(false);

        var (channelId, userId) = Identity(direct, patientKey, referenceKey, patientId);
        var conversations = new SortedSet<string>(StringComparer.Ordinal);
        if (channelId is not null
            && direct.TryGetValue(referenceKey, out var reference)
            && ReadString(reference.Json, "conversation", "id") is { Length: > 0 } referenceConversation)
        {
            conversations.Add(referenceConversation);
        }

        var transcripts = new List<string>();
        if (channelId is not null && userId is not null)
        {
            await FindTranscriptsAsync(channelId, userId, conversations, transcripts, cancellationToken).ConfigureAwait(false);
        }

        var state = new List<string>();
        if (channelId is not null && userId is not null)
        {
            state.Add(channelId + "/users/" + userId);
            state.AddRange(conversations.Select(c => channelId + "/conversations/" + c));
        }

        var existingState = await _storage.ReadAsync(state, cancellationToken).ConfigureAwait(false);
        return new PatientDataKeys
        {
            PatientId = patientId,
            ChannelId = channelId,
            UserId = userId,
            Patient = direct.ContainsKey(patientKey) ? patientKey : null,
            CheckIns = await ListAsync(RecordKeys.CheckInsOf(patientId), cancellationToken).ConfigureAwait(false),
            Escalations = await FindEscalationsAsync(patientId, cancellationToken).ConfigureAwait(false),
            ConversationReference = direct.ContainsKey(referenceKey) ? referenceKey : null,
            Conversations = [.. conversations],
            Transcripts = transcripts,
            State = [.. state.Where(existingState.ContainsKey)],
        };
    }

    /// <summary>
    /// Every document of the patient as one JSON object: <c>patientId</c>, <c>channelId</c>, <c>userId</c>,
    /// <c>patient</c>, <c>checkIns</c>, <c>escalations</c>, <c>conversationReference</c>,
    /// <c>transcripts</c> (per conversation, the activities in order) and <c>state</c> (by key). Documents are
    /// exported exactly as stored; a document that is not valid JSON is exported as a string. Keys deleted while the export runs are left out.
    /// </summary>
    public async Task<JsonObject> ExportAsync(PatientDataKeys keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var documents = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        foreach (var chunk in keys.All.Chunk(ReadChunk))
        {
            foreach (var (key, item) in await _storage.ReadAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                documents[key] = item;
            }
        }

        JsonNode? Doc(string? key) => key is not null && documents.TryGetValue(key, out var item) ? Parse(item.Json) : null;
        JsonArray Docs(IEnumerable<string> list) => [.. list.Where(documents.ContainsKey).Select(Doc)];

        var transcripts = new JsonArray();
        foreach (var conversation in keys.Conversations)
        {
            var prefix = RecordKeys.TranscriptOf(keys.ChannelId!, conversation);
            var activities = Docs(keys.Transcripts.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)));
            if (activities.Count > 0)
            {
                transcripts.Add(new JsonObject { ["conversationId"] = conversation, ["activities"] = activities });
            }
        }

        var state = new JsonObject();
        foreach (var key in keys.State.Where(documents.ContainsKey))
        {
            state[key] = Doc(key);
        }

        return new JsonObject
        {
            ["patientId"] = keys.PatientId,
            ["channelId"] = keys.ChannelId,
            ["userId"] = keys.UserId,
            ["patient"] = Doc(keys.Patient),
            ["checkIns"] = Docs(keys.CheckIns),
            ["escalations"] = Docs(keys.Escalations),
            ["conversationReference"] = Doc(keys.ConversationReference),
            ["transcripts"] = transcripts,
            ["state"] = state,
        };
    }

    /// <summary>
    /// Deletes every key in <paramref name="keys"/>. The patient record goes last, so an interrupted erase can be
    /// run again and still finds the rest.
    /// </summary>
    public async Task EraseAsync(PatientDataKeys keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var last = keys.Patient;
        foreach (var chunk in keys.All.Where(k => !string.Equals(k, last, StringComparison.Ordinal)).Chunk(ReadChunk))
        {
            await _storage.DeleteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        // The caseload summary and index entries are derived from the records, and go with them.
        await new CaseloadStore(_storage, TimeProvider.System).RemoveAsync(keys.PatientId, cancellationToken).ConfigureAwait(false);
        if (last is not null)
        {
            await _storage.DeleteAsync([last], cancellationToken).ConfigureAwait(false);
        }
    }

    private static (string? ChannelId, string? UserId) Identity(
        IReadOnlyDictionary<string, StoreItem> direct, string patientKey, string referenceKey, string patientId)
    {
        if (direct.TryGetValue(patientKey, out var patient)
            && ReadString(patient.Json, "channelId") is { Length: > 0 } channel
            && ReadString(patient.Json, "userId") is { Length: > 0 } user)
        {
            return (channel, user);
        }

        if (direct.TryGetValue(referenceKey, out var reference)
            && ReadString(reference.Json, "channelId") is { Length: > 0 } refChannel
            && ReadString(reference.Json, "user", "id") is { Length: > 0 } refUser
            && string.Equals(PatientId.From(refChannel, refUser), patientId, StringComparison.Ordinal))
        {
            return (refChannel, refUser);
        }

        return (null, null);
    }

    private async Task FindTranscriptsAsync(
        string channelId, string userId, SortedSet<string> conversations, List<string> transcripts, CancellationToken cancellationToken)
    {
        var channelPrefix = RecordKeys.TranscriptsPrefix + Uri.EscapeDataString(channelId) + "/";
        var byConversation = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var key in _storage.ListKeysAsync(channelPrefix, cancellationToken).ConfigureAwait(false))
        {
            var rest = key.AsSpan(channelPrefix.Length);
            var slash = rest.IndexOf('/');
            if (slash <= 0)
            {
                continue;
            }

            var conversation = Uri.UnescapeDataString(rest[..slash].ToString());
            if (!byConversation.TryGetValue(conversation, out var list))
            {
                byConversation[conversation] = list = [];
            }

            list.Add(key);
        }

        // A conversation is the patient's when its first entry was sent by or to the user.
        var unknown = byConversation.Where(c => !conversations.Contains(c.Key)).ToList();
        foreach (var chunk in unknown.Chunk(ReadChunk))
        {
            var firsts = await _storage.ReadAsync(chunk.Select(c => c.Value[0]).ToArray(), cancellationToken).ConfigureAwait(false);
            foreach (var (conversation, keys) in chunk)
            {
                if (firsts.TryGetValue(keys[0], out var first)
                    && (string.Equals(ReadString(first.Json, "from", "id"), userId, StringComparison.Ordinal)
                        || string.Equals(ReadString(first.Json, "recipient", "id"), userId, StringComparison.Ordinal)))
                {
                    conversations.Add(conversation);
                }
            }
        }

        foreach (var conversation in conversations)
        {
            if (byConversation.TryGetValue(conversation, out var keys))
            {
                transcripts.AddRange(keys);
            }
        }
    }

    private async Task<List<string>> FindEscalationsAsync(string patientId, CancellationToken cancellationToken)
    {
        var all = await ListAsync(RecordKeys.EscalationsPrefix, cancellationToken).ConfigureAwait(false);
        var mine = new List<string>();
        foreach (var chunk in all.Chunk(ReadChunk))
        {
            var items = await _storage.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            mine.AddRange(chunk.Where(k => items.TryGetValue(k, out var item)
                && string.Equals(ReadString(item.Json, "patientId"), patientId, StringComparison.Ordinal)));
        }

        return mine;
    }

    private async Task<List<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in _storage.ListKeysAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        return keys;
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json); // damaged, but still the patient's data
        }
    }

    private static string? ReadString(string json, params string[] path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var element = document.RootElement;
            foreach (var name in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }

            return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        }
        catch (JsonException)
        {
            return null; // a damaged document names no one
        }
    }
}

/// <summary>The storage keys of one patient's data, grouped by kind (see <see cref="PatientData"/>).</summary>
public sealed record PatientDataKeys
{
    /// <summary>The patient id looked for.</summary>
    public required string PatientId { get; init; }

    /// <summary>The patient's channel, when known from the record or the conversation reference.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The patient's user id on the channel, when known.</summary>
    public string? UserId { get; init; }

    /// <summary><c>patients/{id}</c>, when it exists.</summary>
    public string? Patient { get; init; }

    /// <summary>The check-in entries (answers and decisions).</summary>
    public required IReadOnlyList<string> CheckIns { get; init; }

    /// <summary>The escalations raised for the patient.</summary>
    public required IReadOnlyList<string> Escalations { get; init; }

    /// <summary><c>refs/{id}</c>, when it exists.</summary>
    public string? ConversationReference { get; init; }

    /// <summary>The patient's conversation ids.</summary>
    public required IReadOnlyList<string> Conversations { get; init; }

    /// <summary>The transcript entries of those conversations.</summary>
    public required IReadOnlyList<string> Transcripts { get; init; }

    /// <summary>The bot state documents of the patient's user and conversations.</summary>
    public required IReadOnlyList<string> State { get; init; }

    /// <summary>Every key above.</summary>
    public IEnumerable<string> All =>
        new[] { Patient, ConversationReference }.OfType<string>().Concat(CheckIns).Concat(Escalations).Concat(Transcripts).Concat(State);

    /// <summary>True when nothing of the patient is stored.</summary>
    public bool IsEmpty => !All.Any();

    /// <summary>How many keys of each kind, for the erase report.</summary>
    public IReadOnlyList<(string Kind, int Count)> Counts =>
    [
        ("patient record", Patient is null ? 0 : 1),
        ("check-ins", CheckIns.Count),
        ("escalations", Escalations.Count),
        ("conversation reference", ConversationReference is null ? 0 : 1),
        ("transcript entries", Transcripts.Count),
        ("state documents", State.Count),
    ];
}
