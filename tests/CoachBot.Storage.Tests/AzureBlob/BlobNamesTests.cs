using CoachBot.Storage.AzureBlob;

namespace CoachBot.Storage.Tests.AzureBlob;

public sealed class BlobNamesTests
{
    [Theory]
    [InlineData("patients/42", "patients%2F42")]
    [InlineData("a b.c:d|e;f@g=h", "a%20b%2Ec%3Ad%7Ce%3Bf%40g%3Dh")]
    [InlineData("Zoë", "Zo%C3%AB")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("..", "%2E%2E")]
    [InlineData("50%", "50%25")]
    [InlineData("keep-_~AZaz09", "keep-_~AZaz09")]
    public void Encode_Key_GivesFlatPercentEncodedName(string key, string expected)
    {
        Assert.Equal(expected, BlobNames.Encode(key));
    }

    [Theory]
    [InlineData("webchat/conversations/abc|0000001")]
    [InlineData("患者/😀 /%41")]
    [InlineData("+plus and spaces ")]
    public void Decode_EncodedKey_GivesTheKeyBack(string key)
    {
        Assert.Equal(key, BlobNames.Decode(BlobNames.Encode(key)));
    }

    [Theory]
    [InlineData("p/", "p/é")]
    [InlineData("Zo", "Zoë")]
    [InlineData("a%", "a%b")]
    public void Encode_PrefixOfKey_IsPrefixOfEncodedKey(string prefix, string key)
    {
        Assert.StartsWith(BlobNames.Encode(prefix), BlobNames.Encode(key), StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeForWrite_NameLongerThanServiceLimit_ThrowsWithLengths()
    {
        var key = new string('é', 200); // 6 characters each once encoded: 1200 > 1024

        var ex = Assert.Throws<ArgumentException>(() => BlobNames.EncodeForWrite(key));

        Assert.Contains("1200 characters and the limit is 1024", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeForWrite_EmptyKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => BlobNames.EncodeForWrite(string.Empty));
    }
}
