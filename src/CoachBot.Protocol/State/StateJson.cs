using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Protocol.State;

/// <summary>
/// JSON options for state documents (conversation/user state properties, dialog state):
/// camelCase, nulls omitted, enums as strings so stored state survives enum reordering.
/// </summary>
public static class StateJson
{
    /// <summary>The shared, read-only options instance.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 64,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
