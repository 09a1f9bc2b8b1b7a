using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
            // The runtime's own state types from generated code; every other type by reflection.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(StateJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
