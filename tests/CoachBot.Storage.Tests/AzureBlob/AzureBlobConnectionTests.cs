using CoachBot.Storage.AzureBlob;

namespace CoachBot.Storage.Tests.AzureBlob;

public sealed class AzureBlobConnectionTests
{
    private const string Key = "a2V5LWZvci10ZXN0cw==";

    [Fact]
    public void Parse_UseDevelopmentStorage_GivesEmulatorAccountPathStyle()
    {
        var connection = AzureBlobConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", connection.BlobEndpoint.ToString());
        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.True(connection.UsesSharedKey);
        Assert.Null(connection.Sas);
    }

    [Fact]
    public void Parse_AccountWithoutEndpoint_BuildsServiceUrlFromNameAndSuffix()
    {
        var connection = AzureBlobConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=coach;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal("https://coach.blob.core.windows.net/", connection.BlobEndpoint.ToString());
        Assert.Equal("coach", connection.AccountName);
        Assert.Equal(Convert.FromBase64String(Key), connection.AccountKey);
    }

    [Fact]
    public void Parse_BlobEndpoint_IsUsedAsGivenWithoutTrailingSlash()
    {
        var connection = AzureBlobConnection.Parse($"AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:4711/devstoreaccount1/");

        Assert.Equal("/devstoreaccount1", connection.BlobEndpoint.AbsolutePath);
        Assert.Equal(4711, connection.BlobEndpoint.Port);
    }

    [Fact]
    public void Parse_SharedAccessSignature_UsesSasWithoutLeadingQuestionMark()
    {
        var connection = AzureBlobConnection.Parse("BlobEndpoint=https://coach.blob.core.windows.net;SharedAccessSignature=?sv=2021-08-06&sig=abc%3D");

        Assert.False(connection.UsesSharedKey);
        Assert.Equal("sv=2021-08-06&sig=abc%3D", connection.Sas);
    }

    [Fact]
    public void FromOptions_AccountUrlAndSas_UsesBoth()
    {
        var connection = AzureBlobConnection.FromOptions(new AzureBlobStorageOptions
        {
            AccountUrl = "https://coach.blob.core.windows.net/",
            Sas = "sv=2021-08-06&sp=rwdlac&sig=xyz",
        });

        Assert.Equal("https://coach.blob.core.windows.net/", connection.BlobEndpoint.ToString());
        Assert.Equal("sv=2021-08-06&sp=rwdlac&sig=xyz", connection.Sas);
        Assert.False(connection.UsesSharedKey);
    }

    [Theory]
    [InlineData("AccountName=a;AccountKey=" + Key + ";AccountName=b", "appears twice")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";SharedAccessSignature=sig=1", "not both")]
    [InlineData("UseDevelopmentStorage=true;AccountName=a", "cannot be combined")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol must be http or https")]
    [InlineData("BlobEndpoint=https://x;SharedAccessSignature=sv=1", "no 'sig=' part")]
    [InlineData(";;", "empty")]
    public void Parse_Malformed_ThrowsFormatExceptionSayingWhat(string connectionString, string problem)
    {
        var ex = Assert.Throws<FormatException>(() => AzureBlobConnection.Parse(connectionString));

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }
}
