using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Hosting;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Configuration;

public sealed class StorageOptionsValidatorTests
{
    private const string SecretKey = "c2VjcmV0LWtleS1kby1ub3QtZWNobw==";

    [Fact]
    public void Check_Defaults_AreValidSqlite()
    {
        var options = new StorageOptions();

        Assert.Empty(StorageOptionsValidator.Check(options));
        Assert.True(options.TryGetProvider(out var provider));
        Assert.Equal(StorageProvider.Sqlite, provider);
        Assert.Equal("data/coachbot.db", options.Sqlite.Path);
        Assert.Equal("coachbot", options.AzureBlob.Container);
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("")]
    [InlineData("1")]
    public void Check_UnknownProvider_NamesTheKeyAndValue(string provider)
    {
        var failures = StorageOptionsValidator.Check(new StorageOptions { Provider = provider });

        Assert.Equal([$"Storage:Provider must be one of Sqlite, AzureBlob, Memory (was '{provider}')."], failures);
    }

    [Theory]
    [InlineData("sqlite", StorageProvider.Sqlite)]
    [InlineData("AZUREBLOB", StorageProvider.AzureBlob)]
    [InlineData(" Memory ", StorageProvider.Memory)]
    public void TryGetProvider_AnyCase_IsAccepted(string text, StorageProvider expected)
    {
        Assert.True(new StorageOptions { Provider = text }.TryGetProvider(out var provider));
        Assert.Equal(expected, provider);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_MissingSqlitePath_NamesTheKey(string path)
    {
        var options = new StorageOptions();
        options.Sqlite.Path = path;

        var failure = Assert.Single(StorageOptionsValidator.Check(options));

        Assert.StartsWith("Storage:Sqlite:Path must be set", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SqlitePathIsAFolder_NamesTheKey()
    {
        using var folder = new TempFolder();
        var options = new StorageOptions();
        options.Sqlite.Path = folder.Path;

        var failure = Assert.Single(StorageOptionsValidator.Check(options));

        Assert.StartsWith("Storage:Sqlite:Path must name a file", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SqliteLimitsOutOfRange_NameEachKey()
    {
        var options = new StorageOptions();
        options.Sqlite.BusyTimeout = TimeSpan.Zero;
        options.Sqlite.MaxConnections = 0;

        var failures = StorageOptionsValidator.Check(options);

        Assert.Collection(
            failures,
            f => Assert.StartsWith("Storage:Sqlite:BusyTimeout", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Storage:Sqlite:MaxConnections", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AzureBlobWithNothingSet_NamesEveryWay()
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o => { })));

        Assert.Equal(
            "Storage:AzureBlob:ConnectionString, or Storage:AzureBlob:AccountUrl with Storage:AzureBlob:Sas or Storage:AzureBlob:Credential (DefaultAzureCredential or ManagedIdentity), must be set.",
            failure);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + SecretKey + ";EndpointSuffix=core.windows.net")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + SecretKey + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1")]
    [InlineData("BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=2021-08-06&sig=abc")]
    public void Check_GoodConnectionStrings_AreValidAndChooseTheConnectionString(string connectionString)
    {
        var options = Blob(o => o.ConnectionString = connectionString);

        Assert.Empty(StorageOptionsValidator.Check(options));
        Assert.True(AzureBlobClients.TryChooseCredential(options.AzureBlob, out var credential, out _));
        Assert.Equal(AzureBlobCredential.ConnectionString, credential);
    }

    [Theory]
    [InlineData("AccountName=acct;AccountKey=not base64!!")]
    [InlineData("just some text")]
    [InlineData("AccountName=acct")]
    public void Check_BadConnectionString_NamesTheKeyWithoutTheSecret(string connectionString)
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o => o.ConnectionString = connectionString)));

        Assert.StartsWith("Storage:AzureBlob:ConnectionString is not a valid storage connection string: ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64!!", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConnectionStringWithKey_NeverRepeatsTheKey()
    {
        var failures = StorageOptionsValidator.Check(Blob(o =>
        {
            o.ConnectionString = "AccountName=acct;AccountKey=" + SecretKey + ";BlobEndpoint=not a url";
            o.Container = "X";
        }));

        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.DoesNotContain(SecretKey, f, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AccountUrlWithoutSasOrCredential_NamesBothKeys()
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o => o.AccountUrl = "https://acct.blob.core.windows.net")));

        Assert.Equal("Storage:AzureBlob:AccountUrl needs Storage:AzureBlob:Sas, or Storage:AzureBlob:Credential set to DefaultAzureCredential or ManagedIdentity.", failure);
    }

    [Fact]
    public void Check_AccountUrlNotAUrl_NamesAccountUrl()
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o =>
        {
            o.AccountUrl = "acct.blob";
            o.Sas = "sv=2021-08-06&sig=abc";
        })));

        Assert.StartsWith("Storage:AzureBlob:AccountUrl must be an absolute http or https URL", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SasWithoutSignature_NamesSas()
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o =>
        {
            o.AccountUrl = "https://acct.blob.core.windows.net";
            o.Sas = "sv=2021-08-06&sp=r";
        })));

        Assert.Equal("Storage:AzureBlob:Sas is not a shared access signature (no 'sig=' part).", failure);
    }

    [Fact]
    public void Check_ConnectionStringAndAccountUrl_SaysGiveOnlyOne()
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o =>
        {
            o.ConnectionString = "UseDevelopmentStorage=true";
            o.AccountUrl = "https://acct.blob.core.windows.net";
        })));

        Assert.Contains("give only one", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DefaultAzureCredential", AzureBlobCredential.DefaultAzureCredential)]
    [InlineData("managedidentity", AzureBlobCredential.ManagedIdentity)]
    public void Check_EntraIdCredentialWithHttpsAccountUrl_IsValid(string name, AzureBlobCredential expected)
    {
        var options = Blob(o =>
        {
            o.Credential = name;
            o.AccountUrl = "https://acct.blob.core.windows.net";
            o.ManagedIdentityClientId = "0b9f6a51-7f54-4c2e-9d3a-1f2e3d4c5b6a";
        });

        Assert.Empty(StorageOptionsValidator.Check(options));
        Assert.True(AzureBlobClients.TryChooseCredential(options.AzureBlob, out var credential, out _));
        Assert.Equal(expected, credential);
    }

    [Fact]
    public void Check_EntraIdCredentialOverHttp_NamesAccountUrl()
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o =>
        {
            o.Credential = "ManagedIdentity";
            o.AccountUrl = "http://127.0.0.1:10000/devstoreaccount1";
        })));

        Assert.Equal("Storage:AzureBlob:AccountUrl must use https with ManagedIdentity: Entra ID tokens are only sent over TLS.", failure);
    }

    [Fact]
    public void Check_EntraIdCredentialWithoutAccountUrlOrWithSas_NamesEachKey()
    {
        var failures = StorageOptionsValidator.Check(Blob(o =>
        {
            o.Credential = "DefaultAzureCredential";
            o.Sas = "sv=1&sig=abc";
            o.ManagedIdentityClientId = "not-a-guid";
        }));

        Assert.Equal(
            [
                "Storage:AzureBlob:AccountUrl must be set when Storage:AzureBlob:Credential is DefaultAzureCredential.",
                "Storage:AzureBlob:Sas is set but Storage:AzureBlob:Credential is DefaultAzureCredential; give only one.",
                "Storage:AzureBlob:ManagedIdentityClientId must be the identity's client id, a GUID (was 'not-a-guid').",
            ],
            failures);
    }

    [Fact]
    public void Check_UnknownCredential_NamesTheKeyAndTheChoices()
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o =>
        {
            o.Credential = "AccountKey";
            o.ConnectionString = "UseDevelopmentStorage=true";
        })));

        Assert.Equal("Storage:AzureBlob:Credential must be one of ConnectionString, Sas, DefaultAzureCredential, ManagedIdentity (was 'AccountKey').", failure);
    }

    [Fact]
    public void ClientOptions_RetryAndTimeoutSettings_GoToTheSdksRetryOptions()
    {
        var options = new AzureBlobStorageOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            MaxRetries = 7,
            RetryDelay = TimeSpan.FromSeconds(2),
            RequestTimeout = TimeSpan.FromSeconds(12),
        };

        var retry = AzureBlobClients.ClientOptions(options, transport: null, extraPolicy: null).Retry;

        Assert.Equal((Azure.Core.RetryMode.Exponential, 7, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(12)), (retry.Mode, retry.MaxRetries, retry.Delay, retry.NetworkTimeout));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", AzureBlobClients.CreateServiceClient(options).Uri.ToString().TrimEnd('/'));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("CoachBot")]
    [InlineData("coach--bot")]
    [InlineData("-coachbot")]
    [InlineData("coach_bot")]
    public void Check_BadContainerName_NamesTheKey(string container)
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o =>
        {
            o.ConnectionString = "UseDevelopmentStorage=true";
            o.Container = container;
        })));

        Assert.StartsWith("Storage:AzureBlob:Container must be 3 to 63", failure, StringComparison.Ordinal);
        Assert.EndsWith($"(was '{container}').", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MemoryProvider_IgnoresOtherSections()
    {
        var options = new StorageOptions { Provider = "Memory" };
        options.Sqlite.Path = string.Empty;
        options.AzureBlob.Container = "X";

        Assert.Empty(StorageOptionsValidator.Check(options));
    }

    [Fact]
    public void Create_BadOptions_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageFactory.Create(new StorageOptions { Provider = "Foo" }));

        Assert.Contains("Storage:Provider must be one of Sqlite, AzureBlob, Memory (was 'Foo')", ex.Message, StringComparison.Ordinal);
    }

    private static StorageOptions Blob(Action<AzureBlobStorageOptions> configure)
    {
        var options = new StorageOptions { Provider = "AzureBlob" };
        configure(options.AzureBlob);
        return options;
    }
}
