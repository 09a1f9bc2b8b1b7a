using CoachBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Security;

/// <summary>Shares the data-protection key ring through the configured store, encrypted with the configured key.</summary>
public static class DataProtectionSetup
{
    /// <summary>The application name every instance shares (by default ASP.NET Core isolates by content root path).</summary>
    public const string ApplicationName = "CoachBot";

    /// <summary>Binds and checks <c>DataProtection</c> and points the key ring at <see cref="IStorage"/>.</summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DataProtectionSettings>().Bind(configuration.GetSection(DataProtectionSettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataProtectionSettings>, DataProtectionSettingsValidator>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IStorage, IOptions<DataProtectionSettings>>((options, storage, settings) =>
        {
            options.XmlRepository = new StorageXmlRepository(storage);
            if (settings.Value.KeyBytes() is { } key)
            {
                options.XmlEncryptor = new KeyEncryptionXmlEncryptor(key);
            }
        });
        return services;
    }
}
