namespace CoachBot.Storage.Hosting;

/// <summary>Where state and records are kept (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: the default; one machine; atomic batches.</summary>
    Sqlite,

    /// <summary>Azure Blob Storage (or Azurite): several machines can share it; batches are not atomic.</summary>
    AzureBlob,

    /// <summary>In-process memory: tests and demos only; everything is lost on restart.</summary>
    Memory,
}
