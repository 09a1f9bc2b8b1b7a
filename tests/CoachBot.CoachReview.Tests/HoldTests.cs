using System.Net;
using System.Net.Http.Json;
using CoachBot.CoachReview.Tests.Support;
using CoachBot.Protocol.Schema;
using CoachBot.Testing;

namespace CoachBot.CoachReview.Tests;

/// <summary>The hold through the real bot: while a coach holds the conversation, the bot does not answer the patient.</summary>
public sealed class HoldTests : IAsyncLifetime, IDisposable
{
    private readonly CoachHost _host = new(("Bot:AllowAnonymous", "true")); // the test posts as a channel stand-in
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        await _host.AddPatientAsync();
        await _host.AddConversationAsync("webchat-p1", _connector.ServiceUrl);
    }

    public void Dispose() => _host.Dispose();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task WhileACoachHolds_TheBotStaysQuiet_AfterHandBackItAnswersAgain()
    {
        using var coach = await _host.LoggedInClientAsync();
        using var bot = _host.CreateClient();
        await CoachHost.PostFormAsync(coach, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/reply", ("text", "Hi, I am here."));
        var afterReply = _connector.Messages.Count;

        using var held = await bot.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), Inbound("help"), ProtocolJson.Options);

        Assert.True(held.IsSuccessStatusCode, held.StatusCode.ToString());
        Assert.Equal(afterReply, _connector.Messages.Count);

        await CoachHost.PostFormAsync(coach, "/coach/patients/webchat-p1", "/coach/patients/webchat-p1/hand-back");
        var afterHandBack = _connector.Messages.Count;
        using var free = await bot.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), Inbound("help"), ProtocolJson.Options);

        Assert.True(free.IsSuccessStatusCode, free.StatusCode.ToString());
        await _connector.WaitForRequestsAsync(afterHandBack + 1).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(_connector.Messages.Count > afterHandBack, "the bot answers again after the hand-back");
    }

    private Activity Inbound(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = _host.Time.GetUtcNow(),
        ChannelId = "webchat",
        ServiceUrl = _connector.ServiceUrl,
        From = new ChannelAccount("p1", "Alex"),
        Recipient = new ChannelAccount("coachbot", "CoachBot"),
        Conversation = new ConversationAccount("conv-1"),
        Text = text,
        Locale = "en-GB",
    };
}
