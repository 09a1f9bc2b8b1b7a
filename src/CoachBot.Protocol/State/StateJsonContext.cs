using System.Text.Json;
using System.Text.Json.Serialization;
using CoachBot.Protocol.Middleware;

namespace CoachBot.Protocol.State;

/// <summary>
/// Source-generated JSON metadata for the state types the runtime itself reads and writes on every turn: a state
/// document's top-level properties and the de-duplication list. Part of <see cref="StateJson.Options"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(ProcessedActivities))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
