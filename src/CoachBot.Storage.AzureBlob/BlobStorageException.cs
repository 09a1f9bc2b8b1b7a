using System.Net;

namespace CoachBot.Storage.AzureBlob;

/// <summary>The blob service refused a request or could not be reached, after the retries.</summary>
public sealed class BlobStorageException : Exception
{
    public BlobStorageException()
        : this("The Azure Blob storage request failed.")
    {
    }

    public BlobStorageException(string message)
        : base(message)
    {
    }

    public BlobStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The last HTTP status, when the service answered.</summary>
    public HttpStatusCode? Status { get; init; }

    /// <summary>The service's error code (e.g. <c>AuthorizationFailure</c>), when it sent one.</summary>
    public string? ErrorCode { get; init; }
}
