using System.Reflection;

namespace CoachBot.Host.Tests;

/// <summary>
/// The project graph points one way (docs/architecture.md): the core, the storage contract and the content loader depend
/// on nothing of ours, the wire layer only on the storage contract, and only the storage set-up knows the providers.
/// </summary>
public sealed class DependencyDirectionTests
{
    [Theory]
    [InlineData("CoachBot.Coaching")]
    [InlineData("CoachBot.Storage")]
    [InlineData("CoachBot.Content")]
    public void Assembly_ReferencesNoOtherCoachBotAssembly(string name)
    {
        var references = CoachBotReferencesOf(name);

        Assert.Empty(references);
    }

    [Theory]
    [InlineData("CoachBot.Protocol")]
    [InlineData("CoachBot.Storage.Sqlite")]
    [InlineData("CoachBot.Storage.AzureBlob")]
    public void Assembly_ReferencesOnlyTheStorageContract(string name)
    {
        Assert.Equal(["CoachBot.Storage"], CoachBotReferencesOf(name));
    }

    [Theory]
    [InlineData("CoachBot.Records")]
    [InlineData("CoachBot.Dialogs")]
    [InlineData("CoachBot.Scheduling")]
    [InlineData("CoachBot.CoachReview")]
    public void Assembly_NeverReferencesAConcreteStore(string name)
    {
        var references = CoachBotReferencesOf(name);

        Assert.DoesNotContain("CoachBot.Storage.Sqlite", references);
        Assert.DoesNotContain("CoachBot.Storage.AzureBlob", references);
        Assert.DoesNotContain("CoachBot.Storage.Hosting", references);
    }

    [Fact]
    public void Dialogs_NeverReferenceAChannel()
    {
        var references = CoachBotReferencesOf("CoachBot.Dialogs");

        Assert.DoesNotContain("CoachBot.Channels", references);
    }

    [Fact]
    public void Conversation_ReferencesOnlyProtocol()
    {
        Assert.Equal(["CoachBot.Protocol"], CoachBotReferencesOf("CoachBot.Conversation"));
    }

    private static string[] CoachBotReferencesOf(string name) =>
        Assembly.Load(name).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("CoachBot.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
