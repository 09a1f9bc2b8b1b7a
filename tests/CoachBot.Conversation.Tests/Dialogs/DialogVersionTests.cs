using CoachBot.Conversation.Waterfall;
using CoachBot.Protocol.State;
using CoachBot.Protocol.Turns;
using CoachBot.Storage;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Conversation.Tests.Dialogs;

public class DialogVersionTests
{
    [Fact]
    public async Task ChangedWaterfall_InFlight_RestartsGracefullyAndNotifiesTheHook()
    {
        var storage = new MemoryStorage();
        await using (var before = new TestAdapter(new RunnerBot(new CheckInDialog(stepCount: 3), storage, []), s => s.AddSingleton<IStorage>(storage)))
        {
            await new TestFlow(before).Send("hi").AssertReply("ask.name").Send("Sam").AssertReply("ask.pain").StartTestAsync();
        }

        var changes = new List<DialogVersionChange>();
        await using var after = new TestAdapter(new RunnerBot(new CheckInDialog(stepCount: 4), storage, changes), s => s.AddSingleton<IStorage>(storage));

        // The stored stack was built by the 3-step version: it is ended, the hook hears of it, and the new version starts.
        await new TestFlow(after).Send("5").AssertReply("version.changed").AssertReply("ask.name").StartTestAsync();

        var change = Assert.Single(changes);
        Assert.Equal(CheckInDialog.DialogId, change.DialogId);
        Assert.NotEqual(change.StoredVersion, change.CurrentVersion);
    }

    [Fact]
    public async Task RemovedDialog_InFlight_RestartsInsteadOfCrashing()
    {
        var storage = new MemoryStorage();
        await using (var before = new TestAdapter(new RunnerBot(new WaterfallDialog("old.flow", [(s, ct) => Task.FromResult(s.EndOfTurn()), (s, ct) => s.EndDialogAsync(null, ct)]), storage, []), s => s.AddSingleton<IStorage>(storage)))
        {
            await before.SendTextAsync("hi");
        }

        var changes = new List<DialogVersionChange>();
        await using var after = new TestAdapter(new RunnerBot(new CheckInDialog(), storage, changes), s => s.AddSingleton<IStorage>(storage));

        await new TestFlow(after).Send("hi").AssertReply("version.changed").AssertReply("ask.name").StartTestAsync();

        Assert.Equal(("old.flow", null), (changes[0].DialogId, changes[0].CurrentVersion));
    }

    [Fact]
    public async Task UnchangedDialog_ContinuesWhereItWas()
    {
        var storage = new MemoryStorage();
        await using (var before = new TestAdapter(new RunnerBot(new CheckInDialog(), storage, []), s => s.AddSingleton<IStorage>(storage)))
        {
            await new TestFlow(before).Send("hi").AssertReply("ask.name").StartTestAsync();
        }

        var changes = new List<DialogVersionChange>();
        await using var after = new TestAdapter(new RunnerBot(new CheckInDialog(), storage, changes), s => s.AddSingleton<IStorage>(storage));

        await new TestFlow(after).Send("Sam").AssertReply("ask.pain").StartTestAsync();
        Assert.Empty(changes);
    }

    [Fact]
    public void ComponentVersion_ChangesWhenAnInnerDialogChanges() =>
        Assert.NotEqual(new CheckInDialog(stepCount: 3).GetVersion(), new CheckInDialog(stepCount: 4).GetVersion());

    /// <summary>Runs one root dialog; reports version changes with a message key and records them.</summary>
    private sealed class RunnerBot : IBot
    {
        private readonly DialogRunner _runner;

        public RunnerBot(Dialog root, IStorage storage, List<DialogVersionChange> changes)
        {
            _runner = new DialogRunner(root, new ConversationState(storage));
            _runner.Dialogs.VersionChanged = async (dialogContext, change, ct) =>
            {
                changes.Add(change);
                await dialogContext.Context.SendActivityAsync("version.changed", ct);
            };
        }

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            _runner.RunAsync(turnContext, cancellationToken: cancellationToken);
    }
}
