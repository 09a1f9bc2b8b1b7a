using System.Globalization;
using CoachBot.Records;
using CoachBot.Storage.Hosting;
using FakeClock = CoachBot.Testing.TimerCountingTimeProvider;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Tests.Records;

public sealed class TranscriptRetentionTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SweepAsync_DeletesOnlyEntriesOlderThanTheCutoff()
    {
        var storage = new MemoryStorage();
        await WriteEntryAsync(storage, "c1", Start.AddDays(-400));
        await WriteEntryAsync(storage, "c1", Start.AddDays(-10));
        await WriteEntryAsync(storage, "c2", Start.AddDays(-366));
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["patients/p"] = new("{}", null), ["transcripts/odd-key"] = new("{}", null) });

        var deleted = await new TranscriptRetention(storage).SweepAsync(Start.AddDays(-365));

        Assert.Equal(2, deleted);
        Assert.Equal(["patients/p", "transcripts/odd-key", Key("c1", Start.AddDays(-10))], await KeysAsync(storage));
    }

    [Fact]
    public async Task Service_SweepsAtStartAndEveryInterval_OnTheFakeClock()
    {
        var clock = new FakeClock(Start);
        var storage = new MemoryStorage();
        await WriteEntryAsync(storage, "c", Start.AddDays(-31));
        await WriteEntryAsync(storage, "c", Start.AddDays(-29.8));
        using var host = BuildHost(clock, storage, ("Storage:Provider", "Memory"), ("Storage:TranscriptRetentionDays", "30"));

        await host.StartAsync();
        await clock.WaitForActiveTimersAsync(1); // the first sweep is done and the next one is scheduled

        Assert.Equal([Key("c", Start.AddDays(-29.8))], await KeysAsync(storage));

        clock.Advance(TranscriptRetentionService.SweepInterval - TimeSpan.FromMinutes(1));
        await WriteEntryAsync(storage, "c", clock.GetUtcNow().AddDays(-30.5));
        Assert.Equal(2, (await KeysAsync(storage)).Count);

        clock.Advance(TranscriptRetentionService.SweepInterval);
        await clock.WaitForActiveTimersAsync(1);
        await host.StopAsync();

        // Twelve hours on, the entry from 29.8 days ago is now older than 30 days too.
        Assert.Empty(await KeysAsync(storage));
    }

    [Fact]
    public async Task Service_ZeroDays_KeepsEverything()
    {
        var clock = new FakeClock(Start);
        var storage = new MemoryStorage();
        await WriteEntryAsync(storage, "c", Start.AddDays(-5000));
        using var host = BuildHost(clock, storage, ("Storage:Provider", "Memory"), ("Storage:TranscriptRetentionDays", "0"));

        await host.StartAsync();
        clock.Advance(TimeSpan.FromDays(2));
        await host.StopAsync();

        Assert.Single(await KeysAsync(storage));
        Assert.Equal(0, clock.ActiveTimers);
    }

    [Fact]
    public void Default_Is365Days()
    {
        using var host = BuildHost(new FakeClock(Start), new MemoryStorage(), ("Storage:Provider", "Memory"));

        Assert.Equal(365, host.Services.GetRequiredService<IOptions<TranscriptSettings>>().Value.TranscriptRetentionDays);
    }

    [Theory]
    [InlineData("-1", "Storage:TranscriptRetentionDays must be from 0 (keep forever) to 36500 (was -1)")]
    [InlineData("36501", "Storage:TranscriptRetentionDays must be from 0 (keep forever) to 36500 (was 36501)")]
    [InlineData("a year", "Storage:TranscriptRetentionDays")]
    public async Task BadValue_StopsStartUpNamingTheKey(string value, string expected)
    {
        using var host = BuildHost(new FakeClock(Start), new MemoryStorage(), ("Storage:Provider", "Memory"), ("Storage:TranscriptRetentionDays", value));

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(FakeClock clock, IStorage storage, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddCoachBotStorage(builder.Configuration);
        builder.Services.AddTranscriptRetention(builder.Configuration.GetSection(StorageOptions.SectionName));
        builder.Services.AddSingleton(storage); // the test's store instead of the configured one
        return builder.Build();
    }

    private static string Key(string conversation, DateTimeOffset at) =>
        RecordKeys.TranscriptOf("webchat", conversation) + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-0000000001-abcdef12";

    private static Task WriteEntryAsync(IStorage storage, string conversation, DateTimeOffset at) =>
        storage.WriteAsync(new Dictionary<string, StoreItem> { [Key(conversation, at)] = new("{\"type\":\"message\"}", null) });

    private static async Task<List<string>> KeysAsync(IStorage storage)
    {
        var keys = new List<string>();
        await foreach (var key in storage.ListKeysAsync(""))
        {
            keys.Add(key);
        }

        return keys;
    }
}
