namespace CoachBot.Storage.Tests.Support;

/// <summary>The tests that share one Azurite process.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
