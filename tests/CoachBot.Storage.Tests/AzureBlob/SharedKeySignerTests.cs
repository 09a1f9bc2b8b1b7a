using System.Net.Http.Headers;
using CoachBot.Storage.AzureBlob;

namespace CoachBot.Storage.Tests.AzureBlob;

public sealed class SharedKeySignerTests
{
    [Fact]
    public void StringToSign_ConditionalPut_FollowsTheSharedKeyLayout()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/coachbot/patients%252F1");
        request.Content = new ByteArrayContent("{\"a\":1}"u8.ToArray());
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");
        request.Headers.TryAddWithoutValidation("x-ms-date", "Sun, 01 Mar 2026 09:30:00 GMT");
        request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
        request.Headers.TryAddWithoutValidation("If-Match", "\"0x8DC0\"");

        var stringToSign = SharedKeySigner.StringToSign(request, "devstoreaccount1", []);

        Assert.Equal(
            "PUT\n\n\n7\n\napplication/json; charset=utf-8\n\n\n\"0x8DC0\"\n\n\n\n" +
            "x-ms-blob-type:BlockBlob\nx-ms-date:Sun, 01 Mar 2026 09:30:00 GMT\nx-ms-version:2021-08-06\n" +
            "/devstoreaccount1/devstoreaccount1/coachbot/patients%252F1",
            stringToSign);
    }

    [Fact]
    public void StringToSign_ListWithQuery_SortsLowercasedDecodedParameters()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://coach.blob.core.windows.net/coachbot?restype=container&comp=list&prefix=p%252F&maxresults=4");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");

        var stringToSign = SharedKeySigner.StringToSign(
            request, "coach", [new("restype", "container"), new("comp", "list"), new("prefix", "p%2F"), new("maxresults", "4")]);

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-version:2021-08-06\n/coach/coachbot\ncomp:list\nmaxresults:4\nprefix:p%2F\nrestype:container",
            stringToSign);
    }

    [Fact]
    public void StringToSign_EmptyPut_LeavesContentLengthEmpty()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://coach.blob.core.windows.net/coachbot?restype=container");
        request.Content = new ByteArrayContent([]);

        var stringToSign = SharedKeySigner.StringToSign(request, "coach", [new("restype", "container")]);

        Assert.StartsWith("PUT\n\n\n\n\n\n", stringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorization_KnownKey_IsHmacSha256OfTheStringInBase64()
    {
        var header = SharedKeySigner.Authorization("GET\n", "coach", Convert.FromBase64String("a2V5"));

        Assert.Equal("SharedKey coach:" + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData("key"u8, "GET\n"u8)), header);
    }
}
