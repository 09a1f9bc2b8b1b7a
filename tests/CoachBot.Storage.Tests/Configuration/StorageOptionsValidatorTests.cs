using CoachBot.Storage.AzureBlob;
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
    public void Check_AzureBlobWithNothingSet_NamesBothWays()
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o => { })));

        Assert.Equal("Storage:AzureBlob:ConnectionString, or Storage:AzureBlob:AccountUrl with Storage:AzureBlob:Sas, must be set.", failure);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + SecretKey + ";EndpointSuffix=core.windows.net")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + SecretKey + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1")]
    [InlineData("BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=2021-08-06&sig=abc")]
    public void Check_GoodConnectionStrings_AreValid(string connectionString)
    {
        Assert.Empty(StorageOptionsValidator.Check(Blob(o => o.ConnectionString = connectionString)));
    }

    [Theory]
    [InlineData("AccountName=acct", "AccountKey (with AccountName) or SharedAccessSignature is required")]
    [InlineData("AccountName=acct;AccountKey=not base64!!" + "", "AccountKey is not valid base64")]
    [InlineData("AccountKey=" + SecretKey, "AccountName is required with AccountKey")]
    [InlineData("AcountName=acct;AccountKey=" + SecretKey, "unknown setting 'AcountName'")]
    [InlineData("UseDevelopmentStorage=yes", "UseDevelopmentStorage must be 'true'")]
    [InlineData("AccountName=a;AccountKey=" + SecretKey + ";BlobEndpoint=ftp://x", "BlobEndpoint must be an absolute http or https URL")]
    [InlineData("just some text", "part 1 of the connection string is not Name=Value")]
    public void Check_BadConnectionString_NamesTheKeyAndTheProblemWithoutTheSecret(string connectionString, string problem)
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o => o.ConnectionString = connectionString)));

        Assert.StartsWith("Storage:AzureBlob:ConnectionString is not valid: ", failure, StringComparison.Ordinal);
        Assert.Contains(problem, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AccountUrlWithoutSas_NamesSas()
    {
        var failure = Assert.Single(StorageOptionsValidator.Check(Blob(o => o.AccountUrl = "https://acct.blob.core.windows.net")));

        Assert.Equal("Storage:AzureBlob:Sas must be set when AccountUrl is used.", failure);
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
