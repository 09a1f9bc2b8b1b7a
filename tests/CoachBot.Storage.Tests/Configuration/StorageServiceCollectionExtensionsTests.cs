using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Hosting;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Tests.Configuration;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddCoachBotStorage_BadProvider_StopsStartUpNamingTheKey()
    {
        using var host = BuildHost(("Storage:Provider", "Foo"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:Provider must be one of Sqlite, AzureBlob, Memory (was 'Foo')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCoachBotStorage_BadConnectionString_StopsStartUpNamingTheKey()
    {
        using var host = BuildHost(("Storage:Provider", "AzureBlob"), ("Storage:AzureBlob:ConnectionString", "AccountName=x"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:AzureBlob:ConnectionString is not a valid storage connection string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCoachBotStorage_Sqlite_MigratesAtStartAndRegistersOneSingleton()
    {
        var path = _folder.File("app/coachbot.db");
        using var host = BuildHost(("Storage:Sqlite:Path", path), ("Storage:Sqlite:BusyTimeout", "00:00:02"));

        await host.StartAsync();

        var storage = host.Services.GetRequiredService<IStorage>();
        var sqlite = Assert.IsType<SqliteStorage>(storage);
        Assert.Same(storage, host.Services.GetRequiredService<IStorage>());
        Assert.Equal(Path.GetFullPath(path), sqlite.FullPath);
        Assert.True(File.Exists(path), "the database file is created at start-up");
        Assert.Equal(TimeSpan.FromSeconds(2), host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Sqlite.BusyTimeout);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddCoachBotStorage_Memory_RegistersMemoryStorage()
    {
        using var host = BuildHost(("Storage:Provider", "memory"));

        await host.StartAsync();

        Assert.IsType<MemoryStorage>(host.Services.GetRequiredService<IStorage>());
        await host.StopAsync();
    }

    [Fact]
    public void AddCoachBotStorage_AzureBlobDevelopmentStorage_RegistersBlobStoreOnTheEmulatorEndpoint()
    {
        using var host = BuildHost(("Storage:Provider", "AzureBlob"), ("Storage:AzureBlob:ConnectionString", "UseDevelopmentStorage=true"));

        var blob = Assert.IsType<AzureBlobStorage>(host.Services.GetRequiredService<IStorage>());

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", blob.Endpoint.ToString().TrimEnd('/'));
        Assert.Equal(AzureBlobCredential.ConnectionString, blob.Credential);
    }

    private static IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddCoachBotStorage(builder.Configuration);
        return builder.Build();
    }
}
