using System.Text.RegularExpressions;
using CoachBot.Storage.AzureBlob;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Hosting;

/// <summary>
/// Checks <see cref="StorageOptions"/> so that bad settings stop start-up with a message naming the
/// configuration key (secrets are never echoed).
/// </summary>
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Section = StorageOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems found, one sentence each; empty when the options are good.</summary>
    public static List<string> Check(StorageOptions options)
    {
        var failures = new List<string>();
        if (!options.TryGetProvider(out var provider))
        {
            failures.Add($"{Section}:Provider must be one of {string.Join(", ", Enum.GetNames<StorageProvider>())} (was '{options.Provider}').");
            return failures;
        }

        switch (provider)
        {
            case StorageProvider.Sqlite:
                CheckSqlite(options, failures);
                break;
            case StorageProvider.AzureBlob:
                CheckAzureBlob(options, failures);
                break;
            case StorageProvider.Memory:
                break;
        }

        return failures;
    }

    private static void CheckSqlite(StorageOptions options, List<string> failures)
    {
        var sqlite = options.Sqlite;
        if (string.IsNullOrWhiteSpace(sqlite.Path))
        {
            failures.Add($"{Section}:Sqlite:Path must be set (e.g. {Sqlite.SqliteStorageOptions.DefaultPath}).");
        }
        else if (sqlite.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{Section}:Sqlite:Path contains characters that are not allowed in a path.");
        }
        else if (Directory.Exists(sqlite.Path) || sqlite.Path.EndsWith('/') || sqlite.Path.EndsWith('\\'))
        {
            failures.Add($"{Section}:Sqlite:Path must name a file, not a folder (was '{sqlite.Path}').");
        }

        if (sqlite.BusyTimeout < TimeSpan.FromSeconds(1) || sqlite.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:Sqlite:BusyTimeout must be from 00:00:01 to 00:10:00 (was '{sqlite.BusyTimeout}').");
        }

        if (sqlite.MaxConnections is < 1 or > 64)
        {
            failures.Add($"{Section}:Sqlite:MaxConnections must be from 1 to 64 (was {sqlite.MaxConnections}).");
        }
    }

    private static void CheckAzureBlob(StorageOptions options, List<string> failures)
    {
        var blob = options.AzureBlob;
        failures.AddRange(AzureBlobClients.Check(blob));

        if (blob.Container is null || !ContainerName().IsMatch(blob.Container))
        {
            failures.Add($"{Section}:AzureBlob:Container must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (was '{blob.Container}').");
        }

        if (blob.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Section}:AzureBlob:MaxRetries must be from 0 to 10 (was {blob.MaxRetries}).");
        }

        if (blob.RetryDelay < TimeSpan.Zero || blob.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:AzureBlob:RetryDelay must be from 00:00:00 to 00:01:00 (was '{blob.RetryDelay}').");
        }

        if (blob.RequestTimeout < TimeSpan.FromSeconds(1) || blob.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:AzureBlob:RequestTimeout must be from 00:00:01 to 00:10:00 (was '{blob.RequestTimeout}').");
        }

        if (blob.ListPageSize is < 1 or > 5000)
        {
            failures.Add($"{Section}:AzureBlob:ListPageSize must be from 1 to 5000 (was {blob.ListPageSize}).");
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
