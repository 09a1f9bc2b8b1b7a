using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Testing;

namespace CoachBot.Protocol.Tests.Turns;

public class ProactiveTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ContinueConversation_RunsAnEventTurn_SendsWithoutReplyToId_AndCommitsState()
    {
        IStatePropertyAccessor<int>? nudges = null;
        Activity? seen = null;
        await using var adapter = new TestAdapter((_, _) => Task.CompletedTask);
        nudges = adapter.ConversationState.CreateProperty<int>("nudges");
        var reference = adapter.Conversation;
        reference.ActivityId = "old-activity";

        await adapter.Adapter.ContinueConversationAsync(reference, async (turn, ct) =>
        {
            seen = turn.Activity;
            await nudges.SetAsync(turn, 1, ct);
            await turn.SendActivityAsync("time for your exercises", ct);
        });

        Assert.Equal((ActivityTypes.Event, ActivityEventNames.ContinueConversation), (seen!.Type, seen.Name));
        Assert.Same(reference, seen.RelatesTo);
        var sent = adapter.GetNextReply()!;
        Assert.Null(sent.ReplyToId);
        Assert.Equal("conv-1", sent.Conversation!.Id);
        Assert.True((await adapter.Storage.ReadAsync(["test/conversations/conv-1"])).ContainsKey("test/conversations/conv-1"));
    }

    [Fact]
    public async Task ContinueConversation_WaitsForARunningInboundTurnOfTheSameConversation()
    {
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var order = new List<string>();
        await using var adapter = new TestAdapter(async (turn, _) =>
        {
            entered.SetResult();
            await release.Task;
            lock (order)
            {
                order.Add("inbound");
            }
        });

        var inbound = adapter.SendTextAsync("hi");
        await entered.Task.WaitAsync(Safety);
        var proactive = adapter.Adapter.ContinueConversationAsync(adapter.Conversation, (_, _) =>
        {
            lock (order)
            {
                order.Add("proactive");
            }

            return Task.CompletedTask;
        });
        release.SetResult();
        await Task.WhenAll(inbound, proactive).WaitAsync(Safety);

        Assert.Equal(["inbound", "proactive"], order);
    }

    [Fact]
    public async Task ContinueConversation_DeliveryFails_ThrowsWithTheChannelError()
    {
        await using var adapter = new TestAdapter((_, _) => Task.CompletedTask);
        adapter.Connector.FailWith = _ => new ConnectorException("roster") { StatusCode = System.Net.HttpStatusCode.Forbidden, ErrorCode = "BotNotInConversationRoster" };

        var error = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            adapter.Adapter.ContinueConversationAsync(adapter.Conversation, (turn, ct) => turn.SendActivityAsync("check-in", ct)));

        Assert.Equal("BotNotInConversationRoster", Assert.Single(error.Failures).Error.ErrorCode);
    }

    [Fact]
    public async Task ContinueConversation_CallbackThrows_IsRethrownToTheCaller()
    {
        await using var adapter = new TestAdapter((_, _) => Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            adapter.Adapter.ContinueConversationAsync(adapter.Conversation, (_, _) => throw new InvalidOperationException("scheduler bug")));
    }

    [Fact]
    public async Task ContinueConversation_IncompleteReference_IsRejected()
    {
        await using var adapter = new TestAdapter((_, _) => Task.CompletedTask);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            adapter.Adapter.ContinueConversationAsync(new ConversationReference { ChannelId = "msteams" }, (_, _) => Task.CompletedTask));
    }

    [Fact]
    public async Task CreateConversation_RunsTheCallbackInTheNewConversation()
    {
        string? conversationId = null;
        await using var adapter = new TestAdapter((_, _) => Task.CompletedTask);

        var created = await adapter.Adapter.CreateConversationAsync(
            Channels.MsTeams,
            "https://connector.test/",
            new ConversationParameters { Members = [new ChannelAccount("29:u")], Bot = new ChannelAccount("28:bot"), TenantId = "t" },
            async (turn, ct) =>
            {
                conversationId = turn.Activity.Conversation!.Id;
                await turn.SendActivityAsync("welcome", ct);
            });

        Assert.Equal(created.Id, conversationId);
        var sent = adapter.GetNextReply()!;
        Assert.Equal(created.Id, sent.Conversation!.Id);
        Assert.Equal("29:u", sent.Recipient!.Id);
        Assert.Null(sent.ReplyToId);
    }
}
