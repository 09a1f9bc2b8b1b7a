using CoachBot.Content;
using CoachBot.Content.Tests.Support;
using CoachBot.Testing.Readability;

namespace CoachBot.Content.Tests;

/// <summary>The shipped catalog, content/messages/en.json, against what the code and the clinical rules need.</summary>
public class EnglishCatalogTests
{
    // Every placeholder the catalog may use; a new one is added here on purpose, so a typo such as
    // {nmae} fails instead of reaching a patient.
    private static readonly HashSet<string> KnownPlaceholders =
    [
        "name", "emergency_number", "crisis_lines", "line_name", "line_number", "coach_name", "activity", "exercises",
        "exercise", "sets", "reps", "load", "kg", "days", "time", "time_zone", "score", "title", "number",
        "first", "last", "checkin_count", "progress_count", "hold_count", "pause_count", "date", "pain",
        "decision", "when",
    ];

    private static ContentCatalog Messages => ShippedContent.Messages;

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var key in ShippedContent.Messages.Keys)
        {
            data.Add(key);
        }

        return data;
    }

    [Fact]
    public void MessageKeys_All_MatchesTheCatalogExactly()
    {
        var inCodeOnly = MessageKeys.All.Except(Messages.Keys).ToList();
        var inCatalogOnly = Messages.Keys.Except(MessageKeys.All).ToList();

        Assert.True(inCodeOnly.Count == 0, "In MessageKeys but not in en.json: " + string.Join(", ", inCodeOnly));
        Assert.True(inCatalogOnly.Count == 0, "In en.json but not in MessageKeys: " + string.Join(", ", inCatalogOnly));
        Assert.Equal(MessageKeys.All.Count, MessageKeys.All.Distinct().Count());
    }

    [Fact]
    public void Validate_MessageKeysAll_Passes()
    {
        Messages.Validate(MessageKeys.All);

        Assert.Empty(Messages.FindProblems(MessageKeys.All));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Message_Placeholders_AreKnownNames(string key)
    {
        var unknown = Messages.GetPlaceholders(key).Except(KnownPlaceholders).ToList();

        Assert.True(unknown.Count == 0, $"'{key}' uses unknown placeholders: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Message_EveryVariant_RendersWithNoBracesLeft(string key)
    {
        var args = Messages.GetPlaceholders(key).ToDictionary(p => p, p => "X" + p.Length, StringComparer.Ordinal);

        for (var seed = 0; seed < Messages.GetVariants(key).Count; seed++)
        {
            var text = Messages.Format(key, args, seed);

            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.DoesNotContain("}", text, StringComparison.Ordinal);
            Assert.Equal(text.Trim(), text);
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Message_Variants_AreDistinct(string key)
    {
        var variants = Messages.GetVariants(key);

        Assert.Equal(variants.Count, variants.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void ButtonLabels_AreShort()
    {
        var tooLong = Messages.Keys
            .Where(k => k.Contains(".option.", StringComparison.Ordinal))
            .Where(k => Readability.Words(Messages.Get(k)).Count > 6)
            .ToList();

        Assert.True(tooLong.Count == 0, "Button labels over 6 words: " + string.Join(", ", tooLong));
    }

    [Fact]
    public void TokenMessages_EveryCoreToken_HasAMessage()
    {
        Assert.Equal(13, TokenMessages.KnownTokens.Count);
        foreach (var token in TokenMessages.KnownTokens)
        {
            Assert.True(Messages.Contains(TokenMessages.KeyFor(token)), $"No message for token '{token}' (key {TokenMessages.KeyFor(token)})");
        }
    }

    [Theory]
    [InlineData("seek emergency care", "token.seek_emergency_care")]
    [InlineData("train 2-3 times a week", "token.train_2_3_times_a_week")]
    [InlineData("confirm flare-up status", "token.confirm_flare_up_status")]
    [InlineData("  Soreness is normal ", "token.soreness_is_normal")]
    public void TokenMessages_KeyFor_IsLowerSnakeCase(string token, string key)
    {
        Assert.Equal(key, TokenMessages.KeyFor(token));
    }

    [Theory]
    [InlineData(false, false, "2 working days", false)]
    [InlineData(false, true, "2 working days", true)]
    [InlineData(true, false, "today", false)]
    [InlineData(true, true, "today", true)]
    public void CoachWillContactYou_SaysWhenAndOptionallyWho(bool sameDay, bool named, string when, bool usesName)
    {
        var key = TokenMessages.CoachWillContactYouKey(sameDay, named);

        var text = Messages.Format(key, new Dictionary<string, string> { ["coach_name"] = "Alex" });

        Assert.Contains(when, text, StringComparison.Ordinal);
        Assert.Equal(usesName, text.Contains("Alex", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MessageKeys.Safety.RedFlagEmergency)]
    [InlineData(MessageKeys.Safety.AorticEmergency)]
    [InlineData(MessageKeys.Safety.Crisis)]
    [InlineData(MessageKeys.Safety.CrisisImminent)]
    [InlineData(MessageKeys.Safety.Distress)]
    [InlineData(MessageKeys.Token.SeekEmergencyCare)]
    [InlineData(MessageKeys.Token.CrisisLine)]
    [InlineData(MessageKeys.Welcome.EmergencyInfo)]
    [InlineData(MessageKeys.Help.EmergencyReminder)]
    public void EmergencyAdvice_GivesTheLocalEmergencyNumber(string key)
    {
        Assert.Contains("emergency_number", Messages.GetPlaceholders(key));
    }

    [Theory]
    [InlineData(MessageKeys.Safety.Crisis)]
    [InlineData(MessageKeys.Safety.CrisisImminent)]
    [InlineData(MessageKeys.Token.CrisisLine)]
    public void CrisisReplies_ListTheCrisisLines(string key)
    {
        Assert.Contains("crisis_lines", Messages.GetPlaceholders(key));
    }

    [Theory]
    [InlineData(MessageKeys.Safety.RedFlagEmergency, 60)]
    [InlineData(MessageKeys.Safety.AorticEmergency, 50)]
    [InlineData(MessageKeys.Safety.UrgentSeeDoctorToday, 70)]
    [InlineData(MessageKeys.Safety.Crisis, 80)]
    [InlineData(MessageKeys.Safety.CrisisImminent, 80)]
    public void SafetyReplies_AreShort(string key, int maxWords)
    {
        Assert.InRange(Readability.Words(Messages.GetVariants(key)[0]).Count, 5, maxWords);
    }

    [Fact]
    public void CrisisImminent_AsksThemToStayWithSomeoneTheyTrust()
    {
        Assert.Contains("someone you trust", Messages.GetVariants(MessageKeys.Safety.CrisisImminent)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SafetyNetting_NamesEveryWarningSignInPlainWords()
    {
        // Clinical rules 2: bladder, bowel, saddle numbness, both legs, worsening weakness; go now.
        var text = Messages.Get(MessageKeys.Safety.Netting);

        foreach (var sign in new[] { "pee", "poo", "bottom", "between your legs", "both legs", "getting weaker", "emergency department", "Go now" })
        {
            Assert.Contains(sign, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RedFlagScreen_AsksEveryFlagOfTheCheckInContract()
    {
        string[] keys =
        [
            MessageKeys.Redflag.AskBladderBowel, MessageKeys.Redflag.AskSaddleNumbness, MessageKeys.Redflag.AskLegWeakness,
            MessageKeys.Redflag.AskFever, MessageKeys.Redflag.AskFallOrAccident, MessageKeys.Redflag.AskWeightLoss,
            MessageKeys.Redflag.AskCancerHistory, MessageKeys.Redflag.AskNightPain,
        ];

        Assert.All(keys, k => Assert.Contains("?", Messages.Get(k), StringComparison.Ordinal));
    }

    [Fact]
    public void StartBack_HasNineItemsAndTheirAnswers()
    {
        var items = Enumerable.Range(1, 9).Select(i => $"startback.q{i}").ToList();

        Assert.All(items, k => Assert.True(Messages.Contains(k), k));
        Assert.Equal(2, Messages.Keys.Count(k => k.StartsWith("startback.option.", StringComparison.Ordinal)));
        Assert.Equal(5, Messages.Keys.Count(k => k.StartsWith("startback.q9.option.", StringComparison.Ordinal)));
    }

    [Fact]
    public void CheckInPainTypes_OfferEveryTypeOfTheContract()
    {
        foreach (var type in new[] { "ache", "stiffness", "soreness", "sharp", "radiating", "numbness", "burning" })
        {
            Assert.True(Messages.Contains($"checkin.pain_types.option.{type}"), type);
        }
    }

    [Theory]
    [InlineData("kettlebell-deadlift")]
    [InlineData("goblet-squat")]
    [InlineData("supported-row")]
    [InlineData("glute-bridge")]
    [InlineData("bird-dog")]
    public void ExerciseMessages_StarterProgramExercise_HasALabel(string exerciseId)
    {
        Assert.False(string.IsNullOrWhiteSpace(ExerciseMessages.TryGetLabel(Messages, exerciseId)));
    }

    [Fact]
    public void ExerciseMessages_PatientsOwnExercise_HasNoLabel()
    {
        Assert.Null(ExerciseMessages.TryGetLabel(Messages, "my-cable-thing"));
        Assert.Equal("exercise.label.goblet_squat", ExerciseMessages.LabelKeyFor("Goblet-Squat"));
    }

    [Fact]
    public void ContentText_NeverClaimsToBeADoctor()
    {
        Assert.Contains("not a doctor", Messages.Get(MessageKeys.Welcome.WhatIAmNot), StringComparison.Ordinal);
    }
}
