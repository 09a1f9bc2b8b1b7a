using System.Collections.Concurrent;
using System.Text.Json;
using CoachBot.Protocol.State;
using CoachBot.Storage;

namespace CoachBot.Records.Caseload;

/// <summary>
/// The caseload read model over any <see cref="IStorage"/>: one summary row per patient (<c>caseload/rows/{id}</c>)
/// and index documents per coach (<c>caseload/index/{coach}/{bucket}</c>) that hold the same rows, so the list pages
/// read at most <see cref="CaseloadKeys.Buckets"/> documents per coach whatever the number of patients. Every change
/// is an ETag-checked read-modify-write of the row, then of its index document; a process that dies between the two
/// leaves the index one change behind until the patient's next change that the row shows, or a rebuild (<see cref="CaseloadRebuild"/>).
/// </summary>
public sealed class CaseloadStore
{
    /// <summary>A small document rewritten after every change, so a page in any process can tell that something changed.</summary>
    public const string ChangedKey = "caseload/changed";

    private readonly IStorage _storage;
    private readonly TimeProvider _time;
    private readonly DocumentStore<CaseloadRow> _rows;
    private readonly DocumentStore<CaseloadAssignment> _assignments;
    private readonly ConcurrentDictionary<string, ParsedIndex> _parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RowsSnapshot> _snapshots = new(StringComparer.Ordinal);

    public CaseloadStore(IStorage storage, TimeProvider time)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _rows = new DocumentStore<CaseloadRow>(storage, CaseloadKeys.RowsCollection);
        _assignments = new DocumentStore<CaseloadAssignment>(storage, CaseloadKeys.AssignmentsCollection);
    }

    public Task<CaseloadRow> ApplyAsync(PatientRecord patient, CancellationToken cancellationToken = default) =>
        UpdateAsync(patient.PatientId, row => CaseloadProjection.Apply(row, patient), cancellationToken);

    public Task<CaseloadRow> ApplyAsync(CheckInEntry entry, CancellationToken cancellationToken = default) =>
        UpdateAsync(entry.PatientId, row => CaseloadProjection.Apply(row, entry), cancellationToken);

    public Task<CaseloadRow> ApplyAsync(EscalationRecord escalation, CancellationToken cancellationToken = default) =>
        UpdateAsync(escalation.PatientId, row => CaseloadProjection.Apply(row, escalation), cancellationToken);

    /// <summary>Makes <paramref name="coach"/> responsible for the patient (null: nobody) and moves the row to their index.</summary>
    public async Task<CaseloadRow> AssignAsync(string patientId, string? coach, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var now = _time.GetUtcNow();
        CaseloadAssignment? assignment = null;
        if (string.IsNullOrWhiteSpace(coach))
        {
            await _assignments.DeleteAsync(patientId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            assignment = new CaseloadAssignment { Coach = coach, AssignedBy = by, AssignedAt = now };
            await _assignments.UpdateAsync(patientId, _ => assignment, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await UpdateAsync(patientId, row => CaseloadProjection.Apply(row, patientId, assignment, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The patient's assignment, or null.</summary>
    public async Task<CaseloadAssignment?> AssignmentAsync(string patientId, CancellationToken cancellationToken = default) =>
        (await _assignments.GetAsync(patientId, cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>The patient's summary row, or null.</summary>
    public async Task<CaseloadRow?> GetAsync(string patientId, CancellationToken cancellationToken = default) =>
        (await _rows.GetAsync(patientId, cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>Applies a change to the patient's row and index entry (retrying conflicts), and returns the new row.</summary>
    public async Task<CaseloadRow> UpdateAsync(string patientId, Func<CaseloadRow?, CaseloadRow> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        string? before = null;
        var unchanged = false;
        var updated = await _rows.UpdateAsync(patientId, row =>
        {
            before = row?.Coach;
            var next = change(row);
            unchanged = row is not null && string.Equals(JsonSerializer.Serialize(row, StateJson.Options), JsonSerializer.Serialize(next, StateJson.Options), StringComparison.Ordinal);
            return next;
        }, maxAttempts: 10, cancellationToken).ConfigureAwait(false);
        var row = updated.Value;
        if (unchanged)
        {
            // The row was already up to date (a record change the caseload does not show): the index is too.
            return row;
        }

        var owner = CaseloadKeys.Owner(row.Coach);
        await IndexStore(owner).UpdateAsync(BucketId(patientId), doc => (doc ?? new CaseloadIndexDocument()).With(row), maxAttempts: 20, cancellationToken).ConfigureAwait(false);
        var oldOwner = CaseloadKeys.Owner(before);
        if (!string.Equals(oldOwner, owner, StringComparison.Ordinal))
        {
            await IndexStore(oldOwner).UpdateAsync(BucketId(patientId), doc => (doc ?? new CaseloadIndexDocument()).Without(patientId), maxAttempts: 20, cancellationToken).ConfigureAwait(false);
        }

        await MarkChangedAsync(cancellationToken).ConfigureAwait(false);
        return row;
    }

    /// <summary>Removes the patient's row, assignment and index entries (for erasure); a patient without a row is fine.</summary>
    public async Task RemoveAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var row = await GetAsync(patientId, cancellationToken).ConfigureAwait(false);
        var owners = new HashSet<string>(StringComparer.Ordinal) { CaseloadKeys.Unassigned, CaseloadKeys.Owner(row?.Coach) };
        var listed = false;
        foreach (var owner in owners)
        {
            var index = IndexStore(owner);
            if (await index.GetAsync(BucketId(patientId), cancellationToken).ConfigureAwait(false) is { } document
                && document.Value.Rows.Any(r => string.Equals(r.PatientId, patientId, StringComparison.Ordinal)))
            {
                await index.UpdateAsync(BucketId(patientId), doc => (doc ?? new CaseloadIndexDocument()).Without(patientId), maxAttempts: 20, cancellationToken).ConfigureAwait(false);
                listed = true;
            }
        }

        await _storage.DeleteAsync([_rows.KeyFor(patientId), _assignments.KeyFor(patientId)], cancellationToken).ConfigureAwait(false);
        if (listed)
        {
            await MarkChangedAsync(cancellationToken).ConfigureAwait(false); // lists read before must not show the patient again
        }
    }

    /// <summary>
    /// Writes many rows at once (a rebuild or a seed): every row document, then each touched index document whole.
    /// Index documents of the rows' owners are replaced, so run it with every row of those owners.
    /// </summary>
    public async Task WriteAllAsync(IReadOnlyCollection<CaseloadRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var chunk in rows.Chunk(200))
        {
            var batch = chunk.ToDictionary(r => _rows.KeyFor(r.PatientId), r => new StoreItem(JsonSerializer.Serialize(r, StateJson.Options), "*"), StringComparer.Ordinal);
            await _storage.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var documents = rows
            .GroupBy(r => CaseloadKeys.Index(CaseloadKeys.Owner(r.Coach), r.PatientId), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new StoreItem(JsonSerializer.Serialize(new CaseloadIndexDocument { Rows = [.. g.OrderBy(r => r.PatientId, StringComparer.Ordinal)] }, StateJson.Options), "*"), StringComparer.Ordinal);
        foreach (var chunk in documents.Chunk(16))
        {
            await _storage.WriteAsync(chunk.ToDictionary(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        await MarkChangedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ETag of the change marker: it differs after any change to the read model (null before the first).</summary>
    public async Task<string?> ChangeMarkAsync(CancellationToken cancellationToken = default) =>
        (await _storage.ReadAsync([ChangedKey], cancellationToken).ConfigureAwait(false)).TryGetValue(ChangedKey, out var item) ? item.ETag : null;

    private async Task MarkChangedAsync(CancellationToken cancellationToken) =>
        await _storage.WriteAsync(
            new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [ChangedKey] = new("{\"at\":\"" + _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "\"}", "*") },
            cancellationToken).ConfigureAwait(false);

    /// <summary>The index owners that have documents (coaches' logins and <see cref="CaseloadKeys.Unassigned"/>).</summary>
    public async Task<IReadOnlyList<string>> OwnersAsync(CancellationToken cancellationToken = default)
    {
        var owners = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var key in _storage.ListKeysAsync(CaseloadKeys.IndexPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (CaseloadKeys.OwnerOfIndexKey(key) is { } owner)
            {
                owners.Add(owner);
            }
        }

        return [.. owners];
    }

    /// <summary>
    /// The rows of the given owners (every owner when null), read from the index documents only. When the change
    /// marker is the same as at the last read of the same owners, nothing else is read; otherwise a document whose
    /// ETag has not changed since the last read is not parsed again.
    /// </summary>
    public async Task<IReadOnlyList<CaseloadRow>> RowsAsync(IReadOnlyCollection<string>? owners, CancellationToken cancellationToken = default)
    {
        // The marker is read before the documents: a change that lands in between is seen by the next read.
        var marker = await ChangeMarkAsync(cancellationToken).ConfigureAwait(false);
        var scope = owners is null ? "*" : string.Join('\n', owners.Order(StringComparer.Ordinal));
        if (marker is not null && _snapshots.TryGetValue(scope, out var snapshot) && string.Equals(snapshot.Marker, marker, StringComparison.Ordinal))
        {
            return snapshot.Rows;
        }

        var rows = await ReadRowsAsync(owners, cancellationToken).ConfigureAwait(false);
        if (marker is not null)
        {
            _snapshots[scope] = new RowsSnapshot(marker, rows);
        }

        return rows;
    }

    private async Task<IReadOnlyList<CaseloadRow>> ReadRowsAsync(IReadOnlyCollection<string>? owners, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        if (owners is null)
        {
            await foreach (var key in _storage.ListKeysAsync(CaseloadKeys.IndexPrefix, cancellationToken).ConfigureAwait(false))
            {
                keys.Add(key);
            }
        }
        else
        {
            keys.AddRange(owners.SelectMany(CaseloadKeys.IndexDocuments));
        }

        var items = await _storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        var rows = new List<CaseloadRow>();
        foreach (var (key, item) in items)
        {
            rows.AddRange(Parse(key, item));
        }

        return rows;
    }

    private IReadOnlyList<CaseloadRow> Parse(string key, StoreItem item)
    {
        if (_parsed.TryGetValue(key, out var known) && string.Equals(known.ETag, item.ETag, StringComparison.Ordinal) && known.Length == item.Json.Length)
        {
            return known.Rows;
        }

        var document = RecordJson.Deserialize<CaseloadIndexDocument>(key, item, StateJson.Options);
        if (item.ETag is not null)
        {
            _parsed[key] = new ParsedIndex(item.ETag, item.Json.Length, document.Rows);
        }

        return document.Rows;
    }

    private DocumentStore<CaseloadIndexDocument> IndexStore(string owner) =>
        new(_storage, CaseloadKeys.IndexOf(owner).TrimEnd('/'));

    private static string BucketId(string patientId) =>
        CaseloadKeys.Bucket(patientId).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ParsedIndex(string ETag, int Length, IReadOnlyList<CaseloadRow> Rows);

    private sealed record RowsSnapshot(string Marker, IReadOnlyList<CaseloadRow> Rows);
}
