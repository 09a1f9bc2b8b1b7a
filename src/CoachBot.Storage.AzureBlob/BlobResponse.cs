using System.Net;

namespace CoachBot.Storage.AzureBlob;

/// <summary>The parts of a blob service response that the store uses, read in full.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ETag">The <c>ETag</c> header, as sent.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="ErrorCode">The <c>x-ms-error-code</c> header, when present.</param>
/// <param name="Retried">True when an earlier attempt of the same request failed (it may have been applied).</param>
internal sealed record BlobResponse(HttpStatusCode Status, string? ETag, byte[] Body, string? ErrorCode, bool Retried);
