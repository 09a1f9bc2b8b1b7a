using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CoachBot.Protocol.Schema;

namespace CoachBot.Benchmarks;

/// <summary>Reading an inbound message activity (as load.js sends it) and writing a reply, with the protocol's JSON options.</summary>
[MemoryDiagnoser]
public class ActivityJsonBenchmarks
{
    private byte[] _inbound = [];
    private Activity _reply = new();

    /// <summary>Builds the payloads.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _inbound = Encoding.UTF8.GetBytes("""
            {"type":"message","id":"act-1234","timestamp":"2025-11-21T10:00:00.000Z","localTimestamp":"2025-11-21T10:00:00.000Z",
             "channelId":"test","serviceUrl":"http://127.0.0.1:3979","from":{"id":"patient-7","name":"Patient","role":"user"},
             "recipient":{"id":"peer-bot","name":"Bot","role":"bot"},"conversation":{"id":"peer-conv-1-7"},"locale":"en-US",
             "textFormat":"plain","text":"sharp"}
            """);
        var inbound = ReadInbound();
        _reply = Activity.CreateMessage("Did the pain settle by the next morning after your last session? (1) Yes or (2) No");
        _reply.ApplyConversationReference(inbound.GetConversationReference());
        _reply.InputHint = InputHints.ExpectingInput;
    }

    /// <summary>Deserialise the inbound activity.</summary>
    [Benchmark]
    public Activity ReadInbound() => JsonSerializer.Deserialize<Activity>(_inbound, ProtocolJson.Options)!;

    /// <summary>Serialise the reply to UTF-8, as the connector client posts it.</summary>
    [Benchmark]
    public byte[] WriteReply() => JsonSerializer.SerializeToUtf8Bytes(_reply, ProtocolJson.Options);
}
