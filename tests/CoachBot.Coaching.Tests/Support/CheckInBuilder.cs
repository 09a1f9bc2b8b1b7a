using System.Text.Json.Nodes;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Tests.Support;

/// <summary>Check-ins for tests: a calm baseline that meets the whole progression gate, changed by JSON overrides.</summary>
internal static class CheckInBuilder
{
    /// <summary>Meets every condition of the progression gate (1.4).</summary>
    public const string CalmJson = """
        {"painNow":1,"painDuringLastSession":2,"painNextMorningSettled":true,"painTrendVsLastWeek":"same",
         "painTypes":[],"radiatesBelowKnee":false,"redFlags":["none"],"distressText":null,
         "sessionsCompletedLast2Weeks":6,"consecutiveStableCheckIns":3,"inFlareUp":false,"recentSurgeryWeeks":null}
        """;

    public static CheckInInput Calm { get; } = CheckInJson.Parse(CalmJson);

    /// <summary>The calm baseline with the given fields replaced (a JSON object of overrides).</summary>
    public static CheckInInput With(string overridesJson) => CheckInJson.Parse(Merge(overridesJson));

    /// <summary>The merged JSON text (calm baseline plus overrides).</summary>
    public static string Merge(string overridesJson)
    {
        var baseline = JsonNode.Parse(CalmJson)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(overridesJson)!.AsObject())
        {
            baseline[key] = value?.DeepClone();
        }

        return baseline.ToJsonString();
    }

    public static CoachingDecision Decide(CheckInInput input) => CoachingPolicy.Decide(input, TestLexicon.Current);

    public static CoachingDecision Decide(string overridesJson) => Decide(With(overridesJson));
}
