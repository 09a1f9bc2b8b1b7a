using System.Text.Json;
using System.Text.Json.Serialization;
using CoachBot.Protocol.Schema;

namespace CoachBot.Conversation.Prompts;

/// <summary>Options for persisting prompt options (activities in wire form).</summary>
internal static class PromptJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ProtocolJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
