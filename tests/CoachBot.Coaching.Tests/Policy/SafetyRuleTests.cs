using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.Policy;

/// <summary>DS and RF rules, one table per rule id.</summary>
public class SafetyRuleTests
{
    [Theory]
    [InlineData("""{"distressText":"I want to kill myself tonight"}""", true)]
    [InlineData("""{"distressText":"I have the pills ready and I want to die"}""", true)]
    [InlineData("""{"distressText":"I've taken an overdose"}""", true)]
    [InlineData("""{"distressText":"suicidal. goodbye everyone"}""", true)]
    [InlineData("""{"distressText":"I want to kill myself"}""", false)]
    [InlineData("""{"distressText":"I have my pills ready for tonight"}""", false)]
    [InlineData("""{"distressText":null}""", false)]
    public void DS1_SelfHarmWithImminence_Fires(string overrides, bool fires) => RuleAssert.Fires("DS-1", overrides, fires);

    [Theory]
    [InlineData("""{"distressText":"I want to end it all"}""", true)]
    [InlineData("""{"distressText":"I'm not suicidal, just fed up"}""", true)]
    [InlineData("""{"distressText":"I want to kill myself tonight"}""", true)]
    [InlineData("""{"distressText":"this pain is killing me"}""", false)]
    [InlineData("""{"distressText":"fed up and annoyed with my back"}""", false)]
    public void DS2_AnySelfHarmLanguage_Fires(string overrides, bool fires) => RuleAssert.Fires("DS-2", overrides, fires);

    [Theory]
    [InlineData("""{"distressText":"I feel hopeless and can't cope"}""", true)]
    [InlineData("""{"distressText":"so anxious and overwhelmed"}""", true)]
    [InlineData("""{"distressText":"hopeless, I want to die"}""", false)]
    [InlineData("""{"distressText":"a bit stiff but fine"}""", false)]
    public void DS3_DistressWithoutSelfHarm_Fires(string overrides, bool fires) => RuleAssert.Fires("DS-3", overrides, fires);

    [Theory]
    [InlineData("""{"redFlags":["bladder_bowel"]}""", true)]
    [InlineData("""{"redFlags":["saddle_numbness"]}""", true)]
    [InlineData("""{"redFlags":["progressive_weakness","none"]}""", true)]
    [InlineData("""{"distressText":"I wet myself yesterday without noticing"}""", true)]
    [InlineData("""{"redFlags":["fever"]}""", false)]
    public void RF1_CaudaEquinaOrMotorLoss_Fires(string overrides, bool fires) => RuleAssert.Fires("RF-1", overrides, fires);

    [Theory]
    [InlineData("""{"redFlags":["fever"]}""", true)]
    [InlineData("""{"distressText":"I've had a fever and chills since Tuesday"}""", true)]
    [InlineData("""{"redFlags":["none"]}""", false)]
    public void RF2_Fever_Fires(string overrides, bool fires) => RuleAssert.Fires("RF-2", overrides, fires);

    [Theory]
    [InlineData("""{"redFlags":["recent_trauma"]}""", true)]
    [InlineData("""{"distressText":"I slipped and fell on the ice"}""", true)]
    [InlineData("""{"distressText":"I fell asleep on the sofa"}""", false)]
    public void RF3_RecentTrauma_Fires(string overrides, bool fires) => RuleAssert.Fires("RF-3", overrides, fires);

    [Theory]
    [InlineData("""{"redFlags":["cancer_history"]}""", true)]
    [InlineData("""{"redFlags":["unexplained_weight_loss"]}""", true)]
    [InlineData("""{"redFlags":["night_pain"]}""", false)]
    public void RF4_PossibleMalignancy_Fires(string overrides, bool fires) => RuleAssert.Fires("RF-4", overrides, fires);

    [Theory]
    [InlineData("""{"redFlags":["night_pain"]}""", true)]
    [InlineData("""{"redFlags":["night_pain","none"]}""", true)]
    [InlineData("""{"redFlags":["night_pain","fever"]}""", false)]
    [InlineData("""{"redFlags":["night_pain"],"distressText":"I had chemo last year"}""", false)]
    public void RF5_NightPainAlone_Fires(string overrides, bool fires) => RuleAssert.Fires("RF-5", overrides, fires);

    [Theory]
    [InlineData("""{"distressText":"there is a pulsing lump in my tummy"}""", true)]
    [InlineData("""{"distressText":"sudden tearing pain in my back and I feel faint"}""", true)]
    [InlineData("""{"distressText":"I felt a bit faint after the session"}""", false)]
    public void RF6_AorticAneurysmText_Fires(string overrides, bool fires) => RuleAssert.Fires("RF-6", overrides, fires);
}
