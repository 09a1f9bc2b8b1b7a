using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Coaching.Safety;
using CoachBot.Coaching.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using static CoachBot.Coaching.Tests.Properties.CheckInGenerators;

namespace CoachBot.Coaching.Tests.Properties;

/// <summary>Invariants of the policy over generated inputs (FsCheck 3, run inside xunit facts).</summary>
public class PolicyPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static CoachingDecision Decide(CheckInInput input) => CoachingPolicy.Decide(input, TestLexicon.Current);

    [Fact]
    public void Decide_AnyRedFlagOrSelfHarmText_NeverProgresses()
    {
        var withFlag = Input.SelectMany(_ => AddedFlag, (input, add) => add(input));

        Check.One(Config, Prop.ForAll(withFlag.ToArbitrary(), input =>
        {
            var safety = SafetyScreen.Screen(TestLexicon.Current, input.DistressText);
            var flagged = input.RedFlags.Any(f => f != RedFlag.None) || safety.SelfHarm >= SelfHarmClass.SelfHarm || safety.RedFlags.Count > 0 || safety.AorticEmergency;
            return flagged && Decide(input).Decision != Decision.Progress;
        }));
    }

    [Fact]
    public void Decide_AddedSymptom_NeverLessConservative()
    {
        var pairs = Input.SelectMany(_ => AddedSymptom, (input, add) => (Before: input, After: add(input)));

        Check.One(Config, Prop.ForAll(pairs.ToArbitrary(), pair =>
            Decide(pair.After).Decision >= Decide(pair.Before).Decision));
    }

    [Fact]
    public void Decide_AddedFlag_NeverLowersEscalationOrDecision()
    {
        var pairs = Input.SelectMany(_ => AddedFlag, (input, add) => (Before: input, After: add(input)));

        Check.One(Config, Prop.ForAll(pairs.ToArbitrary(), pair =>
        {
            var before = Decide(pair.Before);
            var after = Decide(pair.After);
            return after.Escalation >= before.Escalation && after.Decision >= before.Decision;
        }));
    }

    [Fact]
    public void Decide_AnyInput_TokensComeFromTheListInCanonicalOrder()
    {
        Check.One(Config, Prop.ForAll(Input.ToArbitrary(), input =>
        {
            var tokens = Decide(input).MustMention;
            var positions = tokens.Select(t => MessageTokens.All.ToList().IndexOf(t)).ToList();
            return positions.TrueForAll(p => p >= 0) && positions.SequenceEqual(positions.Order().Distinct());
        }));
    }

    [Fact]
    public void Decide_AnyInput_ProgressOnlyAloneWithPr1()
    {
        Check.One(Config, Prop.ForAll(Input.ToArbitrary(), input =>
        {
            var decision = Decide(input);
            var progress = decision.Decision == Decision.Progress;
            return progress == decision.RuleIds.Contains("PR-1")
                && (!progress || decision.RuleIds.All(id => id is "PR-1" or "SO-1"));
        }));
    }

    [Fact]
    public void Decide_UrgentOrEmergency_NeverMentionsTrainingContent()
    {
        Check.One(Config, Prop.ForAll(Input.ToArbitrary(), input =>
        {
            var decision = Decide(input);
            return decision.Escalation < Escalation.Urgent
                || (decision.Decision == Decision.Pause
                    && !decision.MustMention.Contains(MessageTokens.IncreaseTheLoadSlightly)
                    && !decision.MustMention.Contains(MessageTokens.Train2To3TimesAWeek)
                    && !decision.MustMention.Contains(MessageTokens.SorenessIsNormal));
        }));
    }
}
