using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoachBot.Storage;

namespace CoachBot.Dialogs.Actions;

/// <summary>
/// The progress chart for Teams, served by this host on a short-lived, unguessable address:
/// <c>{PublicBaseUrl}/charts/{owner}/{token}.png</c>. Teams' desktop and web clients do not reliably show a data:
/// URI image in an Adaptive Card, so the card names an https picture instead. Each patient has one stored chart
/// (<c>charts/{owner}</c>, the newest replaces the last); the address works while its 128-bit random token matches and
/// for <see cref="Lifetime"/>. The chart is staged into the turn, so it is stored before the card that names it is sent.
/// </summary>
public static class ChartLinks
{
    /// <summary>The path the host serves charts under.</summary>
    public const string PathPrefix = "/charts/";

    /// <summary>How long an address works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Stores <paramref name="png"/> for the patient in the unit of work and returns its address under <paramref name="baseUrl"/>.</summary>
    public static string Publish(IUnitOfWork unit, string patientId, byte[] png, string baseUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var owner = Owner(patientId);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var chart = new StoredChart(token, Convert.ToBase64String(png), now + Lifetime);
        unit.Stage(Key(owner), new StoreItem(JsonSerializer.Serialize(chart), "*"));
        return baseUrl.TrimEnd('/') + PathPrefix + owner + "/" + token + ".png";
    }

    /// <summary>The PNG for an address, or null when the owner has no chart, the token does not match or it expired.</summary>
    public static async Task<byte[]?> FindAsync(IStorage storage, string owner, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (!IsHex(owner, 32) || !IsHex(token, 32))
        {
            return null;
        }

        var items = await storage.ReadAsync([Key(owner)], cancellationToken).ConfigureAwait(false);
        if (!items.TryGetValue(Key(owner), out var item) || JsonSerializer.Deserialize<StoredChart>(item.Json) is not { } chart)
        {
            return null;
        }

        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(chart.Token), Encoding.ASCII.GetBytes(token));
        return matches && now < chart.ExpiresAt ? Convert.FromBase64String(chart.Png) : null;
    }

    /// <summary>The patient's part of the address: not their id, a hash of it.</summary>
    public static string Owner(string patientId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(patientId)))[..32];

    private static string Key(string owner) => "charts/" + owner;

    private static bool IsHex(string text, int length) => text.Length == length && text.All(char.IsAsciiHexDigitLower);

    private sealed record StoredChart(string Token, string Png, DateTimeOffset ExpiresAt);
}
