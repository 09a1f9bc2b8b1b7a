using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Storage.Tests.AzureBlob;

/// <summary>The settings choose the credential the store is built with; nothing is sent until the store is used.</summary>
public sealed class AzureBlobCredentialTests
{
    [Theory]
    [InlineData("DefaultAzureCredential", AzureBlobCredential.DefaultAzureCredential)]
    [InlineData("ManagedIdentity", AzureBlobCredential.ManagedIdentity)]
    public void AddCoachBotStorage_EntraIdCredential_BuildsTheStoreOnTheAccountUrlWithThatCredential(string name, AzureBlobCredential expected)
    {
        using var host = BuildHost(
            ("Storage:Provider", "AzureBlob"),
            ("Storage:AzureBlob:Credential", name),
            ("Storage:AzureBlob:AccountUrl", "https://coachbotdata.blob.core.windows.net"),
            ("Storage:AzureBlob:ManagedIdentityClientId", "0b9f6a51-7f54-4c2e-9d3a-1f2e3d4c5b6a"),
            ("Storage:AzureBlob:Container", "patients"));

        var blob = Assert.IsType<AzureBlobStorage>(host.Services.GetRequiredService<IStorage>());

        Assert.Equal((expected, "https://coachbotdata.blob.core.windows.net/", "patients"), (blob.Credential, blob.Endpoint.ToString(), blob.Container));
    }

    [Fact]
    public void AzureBlobStorage_SasInAConnectionString_IsNotPartOfTheEndpoint()
    {
        var blob = new AzureBlobStorage(new AzureBlobStorageOptions
        {
            ConnectionString = "BlobEndpoint=https://coachbotdata.blob.core.windows.net;SharedAccessSignature=sv=2021-08-06&sp=rwdlac&sig=c2VjcmV0",
        });

        Assert.Equal("https://coachbotdata.blob.core.windows.net/", blob.Endpoint.ToString());
        Assert.Equal(AzureBlobCredential.ConnectionString, blob.Credential);
    }

    [Fact]
    public void AzureBlobStorage_BadSettings_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new AzureBlobStorage(new AzureBlobStorageOptions
        {
            Credential = "ManagedIdentity",
        }));

        Assert.Contains("Storage:AzureBlob:AccountUrl must be set when Storage:AzureBlob:Credential is ManagedIdentity.", ex.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddCoachBotStorage(builder.Configuration);
        return builder.Build();
    }
}
