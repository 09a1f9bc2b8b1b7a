using System.Reflection;

namespace CoachBot.Host.Tests;

/// <summary>The project graph points one way: the core and the wire layer depend on nothing of ours.</summary>
public sealed class DependencyDirectionTests
{
    [Theory]
    [InlineData("CoachBot.Coaching")]
    [InlineData("CoachBot.Protocol")]
    [InlineData("CoachBot.Content")]
    public void Assembly_ReferencesNoOtherCoachBotAssembly(string name)
    {
        var references = CoachBotReferencesOf(name);

        Assert.Empty(references);
    }

    [Fact]
    public void Dialogs_NeverReferenceAConcreteStore()
    {
        var references = CoachBotReferencesOf("CoachBot.Dialogs");

        Assert.DoesNotContain("CoachBot.Storage.Sqlite", references);
        Assert.DoesNotContain("CoachBot.Storage.AzureBlob", references);
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
