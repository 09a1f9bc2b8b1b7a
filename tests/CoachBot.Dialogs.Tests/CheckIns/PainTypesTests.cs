using System.Text.Json;
using CoachBot.Coaching.CheckIns;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Protocol.Schema;

namespace CoachBot.Dialogs.Tests.CheckIns;

/// <summary>The pain-types step takes several answers: taps one by one, typed lists, numbers and a card submit.</summary>
public sealed class PainTypesTests
{
    [Fact]
    public async Task Taps_OneAtATime_AreAllKeptUntilDone()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("3");

        var afterFirst = await transport.SendAsync("Dull ache");
        Assert.Contains("Does anything else fit", afterFirst[^1], StringComparison.Ordinal);
        var afterSecond = await transport.SendAsync("Stiff");
        Assert.Contains("Does anything else fit", afterSecond[^1], StringComparison.Ordinal);
        var afterDone = await transport.SendAsync("Done");
        Assert.Contains("below your knee", afterDone[^1], StringComparison.Ordinal);
        await CheckInDriver.FinishAsync(transport, afterDone);

        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Equal(new HashSet<PainType> { PainType.Ache, PainType.Stiffness }, entry.Input.PainTypes.ToHashSet());
    }

    [Fact]
    public async Task SecondQuestion_OffersOnlyTheTypesNotPickedYet_AndDone()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("3");

        await transport.Adapter.SendTextAsync("Sharp or stabbing");
        var question = transport.Adapter.GetNextReply()!;
        var titles = question.SuggestedActions!.Actions.Select(a => a.Title ?? a.Value?.ToString()).ToList();

        Assert.DoesNotContain("Sharp or stabbing", titles);
        Assert.Contains("Dull ache", titles);
        Assert.Equal("Done", titles[^1]);
        Assert.DoesNotContain("None of these", titles);
    }

    [Theory]
    [InlineData("ache and stiffness", new[] { PainType.Ache, PainType.Stiffness })]
    [InlineData("1, 3", new[] { PainType.Ache, PainType.Soreness })]
    [InlineData("it's sharp and burning", new[] { PainType.Sharp, PainType.Burning })]
    public async Task TypedList_IsAWholeAnswer(string answer, PainType[] expected)
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("3");

        var replies = await transport.SendAsync(answer);

        Assert.Contains("below your knee", replies[^1], StringComparison.Ordinal);
        await CheckInDriver.FinishAsync(transport, replies);
        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Equal(expected.ToHashSet(), entry.Input.PainTypes.ToHashSet());
    }

    [Fact]
    public async Task NoneOfThese_RecordsNoPainTypes()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("1");

        var replies = await transport.SendAsync("None of these");

        Assert.Contains("below your knee", replies[^1], StringComparison.Ordinal);
        await CheckInDriver.FinishAsync(transport, replies);
        Assert.Empty(Assert.Single(await CheckInDriver.EntriesAsync(transport)).Input.PainTypes);
    }

    [Theory]
    [InlineData("{\"painTypes\":\"ache,sharp\"}")]
    [InlineData("{\"choice\":[\"ache\",\"sharp\"],\"msteams\":{\"type\":\"messageBack\"}}")]
    public async Task TeamsCardSubmit_WithSeveralValues_IsAWholeAnswer(string value)
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("3");

        var submit = transport.Adapter.MakeMessage(null);
        submit.Value = JsonDocument.Parse(value).RootElement.Clone();
        await transport.Adapter.SendActivityAsync(submit);
        var reply = transport.Adapter.GetNextReply();

        Assert.Contains("below your knee", reply!.Text, StringComparison.Ordinal);
        Assert.Null(transport.Adapter.GetNextReply());
        await CheckInDriver.FinishAsync(transport, [reply.Text!]);
        var entry = Assert.Single(await CheckInDriver.EntriesAsync(transport));
        Assert.Equal(new HashSet<PainType> { PainType.Ache, PainType.Sharp }, entry.Input.PainTypes.ToHashSet());
    }
}
