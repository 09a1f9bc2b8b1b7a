using CoachBot.Scheduling.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduling.Tests;

public class SchedulerOptionsTests
{
    private static SchedulerOptions Bind(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddCoachBotScheduling(_ => (_, _) => Task.CompletedTask);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SchedulerOptions>>().Value;
    }

    [Fact]
    public void Bind_AppSettingsShape_ReadsEveryKey()
    {
        var options = Bind(new()
        {
            ["Scheduler:Enabled"] = "false",
            ["Scheduler:PollInterval"] = "00:00:10",
            ["Scheduler:ReminderAfter"] = "04:00:00",
            ["Scheduler:QuietHoursStart"] = "22:00",
            ["Scheduler:QuietHoursEnd"] = "07:30",
            ["Scheduler:GlobalSendsPerSecond"] = "50",
        });

        Assert.False(options.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(10), options.PollInterval);
        Assert.Equal(TimeSpan.FromHours(4), options.ReminderAfter);
        Assert.Equal(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 30)), options.QuietHours);
        Assert.Equal(50, options.GlobalSendsPerSecond);
    }

    [Fact]
    public void Bind_OnlyQuietHoursStart_FailsNamingBothKeys()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Scheduler:QuietHoursStart"] = "22:00", ["Scheduler:QuietHoursEnd"] = "" }));

        Assert.Contains("Scheduler:QuietHoursEnd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_BothQuietHoursEmpty_TurnsQuietHoursOff()
    {
        var options = Bind(new() { ["Scheduler:QuietHoursStart"] = "", ["Scheduler:QuietHoursEnd"] = "" });

        Assert.Null(options.QuietHours);
    }

    [Fact]
    public void Bind_NoQuietHoursKeys_KeepsTheDefault()
    {
        Assert.Equal(new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0)), Bind([]).QuietHours);
    }

    [Fact]
    public void Bind_PollIntervalOutOfRange_Fails()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Scheduler:PollInterval"] = "00:00:00" }));

        Assert.Contains("PollInterval", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00", 0)]
    [InlineData("00:00:25", 25)]
    public void Bind_StopGrace_IsRead(string value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Bind(new() { ["Scheduler:StopGrace"] = value }).StopGrace);
    }

    [Fact]
    public void Bind_StopGraceOverFiveMinutes_FailsNamingIt()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Scheduler:StopGrace"] = "00:06:00" }));

        Assert.Contains("StopGrace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_HaveQuietHoursAndAThreeHourReminder()
    {
        var options = new SchedulerOptions();

        Assert.Equal(new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0)), options.QuietHours);
        Assert.Equal(TimeSpan.FromHours(3), options.ReminderAfter);
        Assert.Equal(SchedulerInstance.ReminderText, SchedulerInstance.Catalog.Get(CheckInScheduler.ReminderKey));
    }
}
