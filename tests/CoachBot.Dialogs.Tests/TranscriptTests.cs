using CoachBot.Dialogs.Tests.Support;
using CoachBot.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests;

/// <summary>Golden conversations, each played in the test adapter and over HTTP.</summary>
public sealed class TranscriptTests
{
    public static TheoryData<string> Names { get; } =
    [
        "onboarding", "progress-checkin", "hold", "pause-after-flare-up", "sharp-pain", "red-flag-mid-dialog",
        "self-harm", "words-instead-of-numbers", "quiet-and-back-next-day", "pain-types-taps",
        "after-back-surgery", "pregnant", "past-cancer", "kettlebell-experienced",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Transcript_InTestAdapter_Passes(string name)
    {
        await using var transport = AdapterTransport.Create();
        await PlayAsync(transport, name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Transcript_OverHttp_Passes(string name)
    {
        await using var transport = await HttpTransport.StartAsync();
        await PlayAsync(transport, name);
    }

    private static async Task PlayAsync(ITranscriptTransport transport, string name)
    {
        var transcript = Transcript.Load(name);
        if (transcript.Given is { } given)
        {
            var time = transport.Services.GetRequiredService<TimeProvider>();
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            await transport.Services.GetRequiredService<IPatientRepository>().SaveAsync(PatientSeeds.Create(given, "test", "user-1", today));
        }

        await transcript.PlayAsync(transport, name);
    }
}
