using CoachBot.Storage.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Security;

/// <summary>
/// The <c>DataProtection</c> section. The ASP.NET Core key ring (it signs and encrypts the coach login and antiforgery
/// cookies) is kept in the configured store, so every instance on that store reads the same keys, and each key is
/// encrypted at rest with <see cref="KeyEncryptionKey"/>.
/// </summary>
public sealed class DataProtectionSettings
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "DataProtection";

    /// <summary>The full key name, for messages.</summary>
    public const string KeyEncryptionKeyName = SectionName + ":" + nameof(KeyEncryptionKey);

    /// <summary>
    /// 32 random bytes in base64 (<c>openssl rand -base64 32</c>), the same on every instance. Required outside
    /// Development when the store is shared (SQLite or Azure Blob). Changing it makes the stored keys unreadable:
    /// coaches log in again.
    /// </summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>The key's bytes, or null when none is set or it is not 32 bytes of base64.</summary>
    public byte[]? KeyBytes()
    {
        if (string.IsNullOrWhiteSpace(KeyEncryptionKey))
        {
            return null;
        }

        var buffer = new byte[64];
        return Convert.TryFromBase64String(KeyEncryptionKey.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }
}

/// <summary>
/// Stops start-up, naming <see cref="DataProtectionSettings.KeyEncryptionKeyName"/>, when the key does not parse, or
/// when a shared store (SQLite, Azure Blob) is configured outside Development without it.
/// </summary>
internal sealed class DataProtectionSettingsValidator(IHostEnvironment environment, IOptions<StorageOptions> storage) : IValidateOptions<DataProtectionSettings>
{
    public ValidateOptionsResult Validate(string? name, DataProtectionSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            return options.KeyBytes() is null
                ? ValidateOptionsResult.Fail($"{DataProtectionSettings.KeyEncryptionKeyName} must be 32 bytes in base64 (make one with: openssl rand -base64 32).")
                : ValidateOptionsResult.Success;
        }

        var shared = storage.Value.TryGetProvider(out var provider) && provider != StorageProvider.Memory;
        return shared && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail(
                $"{DataProtectionSettings.KeyEncryptionKeyName} is required outside Development with Storage:Provider {provider}: the coach login keys are kept in that store and must be encrypted there (make one with: openssl rand -base64 32).")
            : ValidateOptionsResult.Success;
    }
}
