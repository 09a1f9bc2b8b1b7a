using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Storage.AzureBlob;

/// <summary>
/// Shared Key authorisation for the Blob service (version 2009-09-19 and later): the string to sign
/// is the verb, eleven standard headers (Content-Length empty when 0), the canonicalized x-ms-*
/// headers and the canonicalized resource (account + escaped path + sorted, decoded query).
/// </summary>
internal static class SharedKeySigner
{
    /// <summary>Builds the string to sign for a request whose query parameters are <paramref name="query"/>.</summary>
    public static string StringToSign(HttpRequestMessage request, string accountName, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = request.Content?.Headers;
        var contentLength = content?.ContentLength is > 0 and var length
            ? length.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;

        var builder = new StringBuilder(256)
            .Append(request.Method.Method.ToUpperInvariant()).Append('\n')
            .Append(Header(content, "Content-Encoding")).Append('\n')
            .Append(Header(content, "Content-Language")).Append('\n')
            .Append(contentLength).Append('\n')
            .Append(Header(content, "Content-MD5")).Append('\n')
            .Append(content?.ContentType?.ToString() ?? string.Empty).Append('\n')
            .Append(Header(request.Headers, "Date")).Append('\n')
            .Append(Header(request.Headers, "If-Modified-Since")).Append('\n')
            .Append(Header(request.Headers, "If-Match")).Append('\n')
            .Append(Header(request.Headers, "If-None-Match")).Append('\n')
            .Append(Header(request.Headers, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request.Headers, "Range")).Append('\n');

        foreach (var (name, value) in request.Headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value).Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('/').Append(accountName).Append(request.RequestUri!.AbsolutePath);
        foreach (var group in query
            .GroupBy(q => q.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(",", group.Select(q => q.Value).Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    /// <summary>The <c>Authorization</c> header value for a string to sign.</summary>
    public static string Authorization(string stringToSign, string accountName, byte[] accountKey)
    {
        var signature = HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(stringToSign));
        return $"SharedKey {accountName}:{Convert.ToBase64String(signature)}";
    }

    private static string Header(System.Net.Http.Headers.HttpHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
