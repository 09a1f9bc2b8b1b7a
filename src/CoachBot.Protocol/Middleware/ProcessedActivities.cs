using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Protocol.Middleware;

/// <summary>
/// Recently processed inbound activity ids, kept in conversation state for de-duplication, oldest first. Stored as
/// two arrays of the same length, the times in Unix milliseconds: <c>{"ids":["…","…"],"at":[1763800000000,…]}</c>.
/// </summary>
internal sealed class ProcessedActivities : IJsonOnDeserialized
{
    /// <summary>The activity ids.</summary>
    [JsonPropertyName("ids")]
    public List<string> Ids { get; set; } = [];

    /// <summary>When each id was processed, in Unix milliseconds.</summary>
    [JsonPropertyName("at")]
    public List<long> At { get; set; } = [];

    /// <summary>When <paramref name="id"/> was processed, or null when it is not in the list.</summary>
    public DateTimeOffset? Find(string id)
    {
        var index = Ids.IndexOf(id);
        return index < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(At[index]);
    }

    /// <summary>Adds an id; the oldest ones go when there are more than <paramref name="capacity"/>.</summary>
    public void Add(string id, DateTimeOffset at, int capacity)
    {
        Ids.Add(id);
        At.Add(at.ToUnixTimeMilliseconds());
        var excess = Ids.Count - capacity;
        if (excess > 0)
        {
            Ids.RemoveRange(0, excess);
            At.RemoveRange(0, excess);
        }
    }

    /// <summary>Removes the ids processed before <paramref name="cutoff"/>.</summary>
    public void RemoveBefore(DateTimeOffset cutoff)
    {
        var limit = cutoff.ToUnixTimeMilliseconds();
        for (var i = Ids.Count - 1; i >= 0; i--)
        {
            if (At[i] < limit)
            {
                Ids.RemoveAt(i);
                At.RemoveAt(i);
            }
        }
    }

    /// <summary>A stored list whose arrays do not pair up, or whose times are not dates, is an error.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        Ids ??= [];
        At ??= [];
        if (Ids.Count != At.Count)
        {
            throw new JsonException($"Processed activities: {Ids.Count} ids but {At.Count} times.");
        }

        if (At.Exists(t => t < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || t > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()))
        {
            throw new JsonException("A processed activity's time is not a time in Unix milliseconds.");
        }
    }
}
