using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Tests.Support;

namespace CoachBot.Coaching.Tests.CheckIns;

public class CheckInJsonTests
{
    [Fact]
    public void Parse_FullContract_ReadsEveryField()
    {
        var input = CheckInJson.Parse("""
            {"painNow":3,"painDuringLastSession":4,"painNextMorningSettled":false,"painTrendVsLastWeek":"better",
             "painTypes":["ache","numbness"],"radiatesBelowKnee":true,"redFlags":["night_pain","none"],
             "distressText":"tired","sessionsCompletedLast2Weeks":5,"consecutiveStableCheckIns":2,"inFlareUp":true,
             "recentSurgeryWeeks":9}
            """);

        Assert.Equal(3, input.PainNow);
        Assert.Equal(4, input.PainDuringLastSession);
        Assert.False(input.PainNextMorningSettled);
        Assert.Equal(PainTrend.Better, input.PainTrendVsLastWeek);
        Assert.Equal([PainType.Ache, PainType.Numbness], input.PainTypes.Order());
        Assert.True(input.RadiatesBelowKnee);
        Assert.Equal([RedFlag.None, RedFlag.NightPain], input.RedFlags.Order());
        Assert.Equal("tired", input.DistressText);
        Assert.Equal(5, input.SessionsCompletedLast2Weeks);
        Assert.Equal(2, input.ConsecutiveStableCheckIns);
        Assert.True(input.InFlareUp);
        Assert.Equal(9, input.RecentSurgeryWeeks);
    }

    [Fact]
    public void Parse_OptionalFieldsAbsent_ReadsAsNull()
    {
        var input = CheckInJson.Parse("""
            {"painNow":0,"painTypes":[],"radiatesBelowKnee":false,"redFlags":[],"sessionsCompletedLast2Weeks":0,
             "consecutiveStableCheckIns":0,"inFlareUp":false}
            """);

        Assert.Null(input.PainDuringLastSession);
        Assert.Null(input.PainNextMorningSettled);
        Assert.Null(input.PainTrendVsLastWeek);
        Assert.Null(input.DistressText);
        Assert.Null(input.RecentSurgeryWeeks);
    }

    [Theory]
    [InlineData("""{"painNow":11}""", "painNow", "0 to 10")]
    [InlineData("""{"painNow":-1}""", "painNow", "0 to 10")]
    [InlineData("""{"painNow":2.5}""", "painNow", "integer")]
    [InlineData("""{"painNow":"3"}""", "painNow", "integer")]
    [InlineData("""{"painNow":null}""", "painNow", "required")]
    [InlineData("""{"painDuringLastSession":12}""", "painDuringLastSession", "0 to 10")]
    [InlineData("""{"painNextMorningSettled":"yes"}""", "painNextMorningSettled", "true or false")]
    [InlineData("""{"painTrendVsLastWeek":"worst"}""", "painTrendVsLastWeek", "unknown value \"worst\"")]
    [InlineData("""{"painTrendVsLastWeek":"Worse"}""", "painTrendVsLastWeek", "unknown value")]
    [InlineData("""{"painTypes":["ache","dull"]}""", "painTypes[1]", "unknown value \"dull\"")]
    [InlineData("""{"painTypes":"ache"}""", "painTypes", "array")]
    [InlineData("""{"painTypes":[3]}""", "painTypes[0]", "string")]
    [InlineData("""{"radiatesBelowKnee":1}""", "radiatesBelowKnee", "true or false")]
    [InlineData("""{"redFlags":["headache"]}""", "redFlags[0]", "bladder_bowel")]
    [InlineData("""{"distressText":42}""", "distressText", "string")]
    [InlineData("""{"sessionsCompletedLast2Weeks":-2}""", "sessionsCompletedLast2Weeks", "0 to")]
    [InlineData("""{"consecutiveStableCheckIns":true}""", "consecutiveStableCheckIns", "integer")]
    [InlineData("""{"inFlareUp":null}""", "inFlareUp", "required")]
    [InlineData("""{"recentSurgeryWeeks":-1}""", "recentSurgeryWeeks", "0 to")]
    [InlineData("""{"painnow":3}""", "painnow", "unknown field")]
    public void Parse_BadField_NamesTheField(string overrides, string field, string messagePart)
    {
        var error = Assert.Throws<CheckInFormatException>(() => CheckInJson.Parse(CheckInBuilder.Merge(overrides)));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("painNow")]
    [InlineData("painTypes")]
    [InlineData("radiatesBelowKnee")]
    [InlineData("redFlags")]
    [InlineData("sessionsCompletedLast2Weeks")]
    [InlineData("consecutiveStableCheckIns")]
    [InlineData("inFlareUp")]
    public void Parse_RequiredFieldMissing_NamesTheField(string field)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(CheckInBuilder.CalmJson)!.AsObject();
        node.Remove(field);

        var error = Assert.Throws<CheckInFormatException>(() => CheckInJson.Parse(node.ToJsonString()));

        Assert.Equal(field, error.Field);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"painNow\":3,}")]
    [InlineData("{\"painNow\":3")]
    public void Parse_NotJson_ReportsInput(string text)
    {
        var error = Assert.Throws<CheckInFormatException>(() => CheckInJson.Parse(text));

        Assert.Equal(string.Empty, error.Field);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateField_IsRejected()
    {
        var text = CheckInBuilder.CalmJson.Replace("\"painNow\":1,", "\"painNow\":1,\"painNow\":9,", StringComparison.Ordinal);

        var error = Assert.Throws<CheckInFormatException>(() => CheckInJson.Parse(text));

        Assert.Equal("painNow", error.Field);
    }

    [Fact]
    public void ParseBatch_ArrayWithBadElements_ReportsEachIndex()
    {
        var good = CheckInBuilder.CalmJson;
        var text = $"[{good},{CheckInBuilder.Merge("""{"painNow":11}""")},{good},{CheckInBuilder.Merge("""{"redFlags":["x"]}""")},5]";

        var error = Assert.Throws<CheckInFormatException>(() => CheckInJson.ParseBatch(text));

        Assert.Equal(["[1].painNow", "[3].redFlags[0]", "[4]"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void ParseBatch_ObjectOrArray_KeepsTheShape()
    {
        Assert.False(CheckInJson.ParseBatch(CheckInBuilder.CalmJson).IsArray);
        var batch = CheckInJson.ParseBatch($"[{CheckInBuilder.CalmJson},{CheckInBuilder.CalmJson}]");
        Assert.True(batch.IsArray);
        Assert.Equal(2, batch.Items.Count);
    }

    [Fact]
    public void Write_ThenParse_RoundTrips()
    {
        var input = CheckInBuilder.With("""{"painTypes":["sharp","ache"],"redFlags":["fever"],"distressText":"ok","recentSurgeryWeeks":20,"painTrendVsLastWeek":null}""");

        var again = CheckInJson.Parse(CheckInJson.Write(input));

        Assert.Equal(CheckInJson.Write(input), CheckInJson.Write(again));
        Assert.Equal(input.PainTypes.Order(), again.PainTypes.Order());
        Assert.Null(again.PainTrendVsLastWeek);
    }
}
