using CoachBot.Testing;

namespace CoachBot.Host.Tests;

/// <summary>The real host process: stopped with SIGTERM as an orchestrator stops it during a rolling deploy, or unable to start.</summary>
public sealed class HostShutdownTests
{
    [Fact]
    public async Task StopSignal_WhileStarting_EndsCleanlyWithoutAnUnhandledException()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // The signal must land after the host has begun starting (storage is ready, so the stop handler is
        // registered) and before Kestrel listens. That window is a few hundred milliseconds; an attempt whose signal
        // came after the start is not counted and is tried again.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await using var host = HostProcess.Launch();
            await WaitForOutputAsync(host, "Storage ready", cancel.Token);
            host.Terminate();
            await host.WaitForExitAsync(cancel.Token);

            if (host.Output.Contains("Application started", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.Contains("Application is shutting down", host.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
            Assert.Equal(0, host.ExitCode);
            return;
        }

        Assert.Fail("In five attempts the stop signal never reached the host before it had started.");
    }

    [Fact]
    public async Task StopSignal_AfterStart_EndsCleanly()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var host = await HostProcess.StartAsync(cancellationToken: cancel.Token);

        host.Terminate();
        await host.WaitForExitAsync(cancel.Token);

        Assert.Contains("Application is shutting down", host.Output, StringComparison.Ordinal);
        Assert.Equal(0, host.ExitCode);
    }

    [Theory]
    [InlineData("Storage:Provider", "Floppy")]
    [InlineData("DirectLine:Secret", "")]
    [InlineData("Content:Root", "no-such-folder")]
    public async Task BadSetting_ExitsWithCodeOne_NamingTheKey_WithoutAnUnhandledException(string key, string value)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var host = HostProcess.Launch(new Dictionary<string, string> { [key] = value });

        await host.WaitForExitAsync(cancel.Token);

        Assert.Equal(1, host.ExitCode);
        Assert.Contains("CoachBot could not start:", host.Output, StringComparison.Ordinal);
        Assert.Contains(key, host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
    }

    private static async Task WaitForOutputAsync(HostProcess host, string text, CancellationToken cancellationToken)
    {
        while (!host.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(host.IsRunning, "The host exited before writing '" + text + "':\n" + host.Output);
            await Task.Delay(10, cancellationToken);
        }
    }
}
