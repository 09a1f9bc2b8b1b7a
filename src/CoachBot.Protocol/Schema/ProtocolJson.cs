using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Protocol.Schema;

/// <summary>
/// The one set of JSON options for connector traffic: exact camelCase names, nulls omitted,
/// UTC timestamps with a trailing Z, case-sensitive on read (the spec lets receivers reject wrong casing), no depth surprises.
/// </summary>
public static class ProtocolJson
{
    /// <summary>Options for reading and writing activities and other wire types.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 64,
        };
        options.Converters.Add(new IsoDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
