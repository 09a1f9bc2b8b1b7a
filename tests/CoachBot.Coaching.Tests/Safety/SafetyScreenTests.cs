using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Safety;
using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Safety;

public class SafetyScreenTests
{
    private static SafetyFindings Screen(string? text) => SafetyScreen.Screen(TestLexicon.Current, text);

    [Theory]
    [InlineData("I want to kill myself")]
    [InlineData("I wanna KILL MYSELF!!!")]
    [InlineData("i want to killl myselff")]
    [InlineData("kms")]
    [InlineData("I'm not suicidal, just fed up")]
    [InlineData("I am NOT suicidal")]
    [InlineData("feeling sucidal lately")]
    [InlineData("thinking about suicde")]
    [InlineData("had suicidial thoughts")]
    [InlineData("I don't want to be here any more")]
    [InlineData("I dont want to be alive")]
    [InlineData("I don\u2019t want to live anymore")]
    [InlineData("everyone would be better off without me")]
    [InlineData("I'd be better off dead")]
    [InlineData("I wish I was dead")]
    [InlineData("I just want to end it all")]
    [InlineData("sometimes I think about taking my own life")]
    [InlineData("I hope I don't wake up tomorow")]
    [InlineData("I've been cutting myself again")]
    [InlineData("I have started self-harming")]
    [InlineData("thinking of self harm")]
    [InlineData("I can't go on like this")]
    [InlineData("there's no point living with this back")]
    [InlineData("I want to just die")]
    [InlineData("su1c1de")]
    public void Screen_SelfHarmPhrasing_IsSelfHarmOrWorse(string text)
    {
        Assert.True(Screen(text).SelfHarm >= SelfHarmClass.SelfHarm, text);
    }

    [Theory]
    [InlineData("I want to kill myself tonight")]
    [InlineData("I've got the pills, I want to die")]
    [InlineData("I took all my tablets, I don't want to live")]
    [InlineData("I'm ready. goodbye. I can't go on")]
    [InlineData("I have a plan to end my life")]
    [InlineData("going to jump off the bridge, suicidal")]
    [InlineData("I'm not suicidal today")]
    [InlineData("I took pills, goodbye")]
    public void Screen_SelfHarmWithImminence_IsImminent(string text)
    {
        Assert.Equal(SelfHarmClass.Imminent, Screen(text).SelfHarm);
    }

    [Theory]
    [InlineData("I feel hopeless")]
    [InlineData("I can't cope with this")]
    [InlineData("so depressed and overwhelmed")]
    [InlineData("I keep crying")]
    [InlineData("panicking about work")]
    [InlineData("I feel worthless")]
    [InlineData("everything is falling apart")]
    [InlineData("feeling desprate")]
    [InlineData("really anxous")]
    public void Screen_DistressWords_IsDistress(string text)
    {
        Assert.Equal(SelfHarmClass.Distress, Screen(text).SelfHarm);
    }

    [Theory]
    [InlineData("this pain is killing me")]
    [InlineData("my back is killing me today")]
    [InlineData("these squats will be the death of me")]
    [InlineData("I'm dying to get back to the gym")]
    [InlineData("fed up and annoyed, this is so frustrating")]
    [InlineData("I think I overdone it yesterday")]
    [InlineData("I overdid the deadlifts")]
    [InlineData("did my dead bugs and deadlifts, dead tired now")]
    [InlineData("fewer sessions this week, busy at work")]
    [InlineData("my pain is low today and I feel great")]
    [InlineData("I'm impressed with my progress")]
    [InlineData("")]
    [InlineData(null)]
    public void Screen_IdiomsAndOrdinaryText_FindNothing(string? text)
    {
        var findings = Screen(text);

        Assert.False(findings.Any, $"{text} -> {findings.Describe()}");
    }

    [Fact]
    public void Screen_IdiomPlusRealSelfHarm_StillSelfHarm()
    {
        Assert.True(Screen("this pain is killing me and I want to kill myself").SelfHarm >= SelfHarmClass.SelfHarm);
    }

    [Theory]
    [InlineData("I can't pee properly since Monday", RedFlag.BladderBowel)]
    [InlineData("I wet myself and didn't notice", RedFlag.BladderBowel)]
    [InlineData("lost control of my bowels", RedFlag.BladderBowel)]
    [InlineData("numb between my legs", RedFlag.SaddleNumbness)]
    [InlineData("my bottom and between my legs feel numb", RedFlag.SaddleNumbness)]
    [InlineData("my groin has gone numb since yesterday", RedFlag.SaddleNumbness)]
    [InlineData("I can't feel the toilet paper when I wipe", RedFlag.SaddleNumbness)]
    [InlineData("my leg keeps giving way", RedFlag.ProgressiveWeakness)]
    [InlineData("my right leg gave way on the stairs", RedFlag.ProgressiveWeakness)]
    [InlineData("I think I have foot drop", RedFlag.ProgressiveWeakness)]
    [InlineData("sciatica in both legs now", RedFlag.ProgressiveWeakness)]
    [InlineData("I've got a fever", RedFlag.Fever)]
    [InlineData("night sweats and chills", RedFlag.Fever)]
    [InlineData("I had a fall at work", RedFlag.RecentTrauma)]
    [InlineData("car crash on Friday", RedFlag.RecentTrauma)]
    [InlineData("I've been losing weight without trying", RedFlag.UnexplainedWeightLoss)]
    [InlineData("I had breast cancer five years ago", RedFlag.CancerHistory)]
    [InlineData("finished chemotherapy last year", RedFlag.CancerHistory)]
    [InlineData("the pain wakes me up at night", RedFlag.NightPain)]
    public void Screen_RedFlagPhrase_FindsTheFlag(string text, RedFlag flag)
    {
        var findings = Screen(text);

        Assert.Contains(flag, findings.RedFlags);
        Assert.DoesNotContain(RedFlag.None, findings.RedFlags);
    }

    [Theory]
    [InlineData("there is a pulsing lump in my stomach")]
    [InlineData("throbbing lump in my tummy")]
    [InlineData("sudden severe pain in my back and I feel faint")]
    [InlineData("out of nowhere agony in my belly, nearly passed out")]
    public void Screen_AorticAneurysmDescription_IsEmergency(string text)
    {
        Assert.True(Screen(text).AorticEmergency);
    }

    [Fact]
    public void Screen_Finding_NamesRuleConceptsAndContentTermsNotPatientText()
    {
        var findings = Screen("My name is Sam and I want to killl myselff");

        var finding = Assert.Single(findings.Findings);
        Assert.Equal("DS-2", finding.RuleId);
        Assert.Equal(Coaching.Policy.Escalation.Urgent, finding.Level);
        Assert.Equal([new ConceptMatch("ideation", "kill myself")], finding.Concepts);
        Assert.DoesNotContain("Sam", findings.Describe(), StringComparison.Ordinal);
    }
}

public class SafetyScreenConceptTests
{
    private static SafetyFindings Screen(string text) => SafetyScreen.Screen(TestLexicon.Current, text);

    [Theory]
    [InlineData("no numbness around my bum", "numbness around my bum", ConceptModifier.Negated)]
    [InlineData("my bum numbness has gone away", "my bum numbness is bad", ConceptModifier.Negated)]
    [InlineData("my mum has numbness in her groin", "I have numbness in my groin", ConceptModifier.OtherPerson)]
    [InlineData("what should I do if my groin goes numb", "my groin has gone numb", ConceptModifier.Hypothetical)]
    [InlineData("my bum went numb years ago after a fall", "my bum went numb today after a fall", ConceptModifier.Historical)]
    public void Screen_ModifiedRedFlag_DoesNotFire(string modified, string plain, ConceptModifier modifier)
    {
        Assert.False(Screen(modified).Any, $"{modifier}: {Screen(modified).Describe()}");
        Assert.Contains(RedFlag.SaddleNumbness, Screen(plain).RedFlags);
    }

    [Theory]
    [InlineData("I'm not going to kill myself")]
    [InlineData("my friend said I should never kill myself")]
    [InlineData("if I was gone nobody would miss me")]
    [InlineData("years ago I wanted to die and I do again")]
    public void Screen_SelfHarm_IsNeverSilencedByAModifier(string text)
    {
        Assert.True(Screen(text).SelfHarm >= SelfHarmClass.SelfHarm, Screen(text).Describe());
    }

    [Theory]
    [InlineData("cantfeel my bum")]
    [InlineData("I cnt feel my bottom")]
    [InlineData("my groin is numbbb")]
    [InlineData("i cant feeel my privates")]
    public void Screen_TyposAndRunTogetherWords_StillFire(string text)
    {
        Assert.Contains(RedFlag.SaddleNumbness, Screen(text).RedFlags);
    }

    [Theory]
    [InlineData("numb", "numbness")]
    [InlineData("my bladder feels weird", "bladder")]
    [InlineData("my legs feel weak", "weakness")]
    public void Screen_SymptomWithoutEnoughForARule_AsksTheTargetedQuestion(string text, string question)
    {
        var findings = Screen(text);

        Assert.False(findings.Any);
        Assert.Contains(findings.Questions, q => q.Name == question);
    }

    [Fact]
    public void Confirm_YesToTheNumbnessQuestion_IsAnRf1SaddleFinding()
    {
        var question = Screen("numb").Questions[0];

        var findings = SafetyScreen.Confirm(question);

        Assert.Equal(["RF-1"], findings.RuleIds);
        Assert.Contains(RedFlag.SaddleNumbness, findings.RedFlags);
        Assert.Equal(Coaching.Policy.Escalation.Emergency, findings.Level);
    }

    [Fact]
    public void Screen_NumbHands_AsksNothing()
    {
        Assert.Empty(Screen("pins and needles in my hands from my phone").Questions);
    }

    [Fact]
    public void Screen_SeveralRules_AreOrderedMostUrgentFirst()
    {
        var findings = Screen("I had a fall and now my groin is numb and I feel hopeless");

        Assert.Equal(["RF-1", "RF-3", "DS-3"], findings.RuleIds);
    }
}
