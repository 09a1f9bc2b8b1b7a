using System.Text.Json;
using System.Xml.Linq;
using CoachBot.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CoachBot.Host.Security;

/// <summary>
/// The data-protection key ring in CoachBot's store (SQLite, Azure Blob or memory): one create-only document per key
/// under <c>dataprotection/keys/</c>, so every instance on the store reads the same keys and none overwrites another's.
/// The key ring is read rarely (at first use, then about once a day), so the store is called synchronously here, as
/// the framework's interface requires.
/// </summary>
internal sealed class StorageXmlRepository(IStorage storage) : IXmlRepository
{
    /// <summary>The key prefix of key documents.</summary>
    public const string Prefix = "dataprotection/keys/";

    public IReadOnlyCollection<XElement> GetAllElements() => Task.Run(GetAllAsync).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var key = Prefix + Sanitize(friendlyName);
        var json = JsonSerializer.Serialize(new KeyDocument(element.ToString(SaveOptions.DisableFormatting)), KeyDocumentJson.Default.KeyDocument);
        Task.Run(() => storage.WriteAsync(new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [key] = new(json, null) })).GetAwaiter().GetResult();
    }

    private async Task<IReadOnlyCollection<XElement>> GetAllAsync()
    {
        var keys = new List<string>();
        await foreach (var key in storage.ListKeysAsync(Prefix).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        if (keys.Count == 0)
        {
            return [];
        }

        var items = await storage.ReadAsync(keys).ConfigureAwait(false);
        return [.. keys.Where(items.ContainsKey).Select(k => XElement.Parse(JsonSerializer.Deserialize(items[k].Json, KeyDocumentJson.Default.KeyDocument)!.Xml))];
    }

    private static string Sanitize(string friendlyName)
    {
        var name = new string([.. friendlyName.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
        return name.Length is > 0 and <= 100 ? name : "key-" + Guid.NewGuid().ToString("N");
    }
}

/// <summary>A stored key: the XML the framework gave, as text.</summary>
internal sealed record KeyDocument(string Xml);

[System.Text.Json.Serialization.JsonSerializable(typeof(KeyDocument))]
internal sealed partial class KeyDocumentJson : System.Text.Json.Serialization.JsonSerializerContext;
