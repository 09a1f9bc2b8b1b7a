using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoachBot.Host.Tests;

/// <summary>The real host, in memory, with settings overridden per test.</summary>
internal sealed class HostFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public static HostFactory WithMemoryStorage(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Memory",
            ["DirectLine:Secret"] = "test-secret-that-is-long-enough-0123456789",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new HostFactory(settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
