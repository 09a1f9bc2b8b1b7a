using CoachBot.Channels.DirectLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.Tests.DirectLine;

public sealed class DirectLineOptionsTests
{
    [Fact]
    public async Task Start_ProductionWithoutSecret_FailsNamingTheKey()
    {
        await using var app = Build("Production", new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("DirectLine:Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ShortSecret_FailsNamingTheKey()
    {
        await using var app = Build("Production", new Dictionary<string, string?> { ["DirectLine:Secret"] = "short" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("DirectLine:Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_DevelopmentWithoutSecret_GeneratesRandomSecret()
    {
        using var first = Build("Development", new Dictionary<string, string?>());
        using var second = Build("Development", new Dictionary<string, string?>());

        var a = first.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.Secret;
        var b = second.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.Secret;

        Assert.True(a!.Length >= 32);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Start_DevelopmentWithoutSecret_WarnsOnce_AndEveryOptionsCopyHasTheSameSecret()
    {
        var warnings = new WarningRecorder();
        await using var app = Build("Development", new Dictionary<string, string?>(), warnings);

        await app.StartAsync();
        var secrets = new[]
        {
            app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.Secret,
            app.Services.GetRequiredService<IOptionsMonitor<DirectLineOptions>>().CurrentValue.Secret,
            app.Services.CreateScope().ServiceProvider.GetRequiredService<IOptionsSnapshot<DirectLineOptions>>().Value.Secret,
        };
        await app.StopAsync();

        Assert.Single(warnings.Messages, m => m.Contains("DirectLine:Secret is not set", StringComparison.Ordinal));
        Assert.Single(secrets.Distinct());
    }

    [Fact]
    public async Task Start_BadServiceUrl_FailsNamingTheKey()
    {
        await using var app = Build("Production", new Dictionary<string, string?> { ["DirectLine:Secret"] = "0123456789abcdefghij", ["DirectLine:ServiceUrl"] = "ftp://x" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("DirectLine:ServiceUrl", error.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(string environment, Dictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDirectLine(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Keeps the text of every warning (and worse) logged.</summary>
    private sealed class WarningRecorder : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _messages.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
