namespace CoachBot.Storage.AzureBlob;

/// <summary>How the blob store's requests are authorised (<c>Storage:AzureBlob:Credential</c>).</summary>
public enum AzureBlobCredential
{
    /// <summary>A storage connection string: account key, SAS, or the emulator.</summary>
    ConnectionString,

    /// <summary>The account URL and a shared access signature.</summary>
    Sas,

    /// <summary>Microsoft Entra ID through Azure.Identity's <c>DefaultAzureCredential</c> (environment, workload identity, managed identity, developer sign-ins).</summary>
    DefaultAzureCredential,

    /// <summary>Microsoft Entra ID through the machine's managed identity only.</summary>
    ManagedIdentity,
}
