using CoachBot.Dialogs.Tests.Support;

namespace CoachBot.Dialogs.Tests.CheckIns;

/// <summary>Yes / no / not sure questions accept "not sure" in many words, and the retry text offers it.</summary>
public sealed class NotSureTests
{
    [Fact]
    public async Task BelowKnee_NotUnderstood_RetryNamesNotSure()
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("3");
        await transport.SendAsync("ache and stiff");

        var retry = await transport.SendAsync("banana");

        Assert.Contains("Not sure", Assert.Single(retry), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("I'm not sure")]
    [InlineData("I don't know")]
    [InlineData("no idea")]
    [InlineData("dunno")]
    public async Task BelowKnee_NotSure_IsAnAnswer_ReadCautiously(string answer)
    {
        await using var transport = AdapterTransport.Create();
        await CheckInDriver.SeedAsync(transport);
        await transport.SendAsync("check in");
        await transport.SendAsync("3");
        await transport.SendAsync("ache and stiff");

        var next = await transport.SendAsync(answer);

        Assert.Contains("your last training session", next[^1], StringComparison.Ordinal);
        await CheckInDriver.FinishAsync(transport, next);
        Assert.True(Assert.Single(await CheckInDriver.EntriesAsync(transport)).Input.RadiatesBelowKnee);
    }
}
