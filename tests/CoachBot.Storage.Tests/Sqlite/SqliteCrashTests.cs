using System.Diagnostics;
using System.Globalization;
using CoachBot.Storage.Sqlite;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Sqlite;

public sealed class SqliteCrashTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WriteAsync_ProcessKilledMidLoad_EveryAcknowledgedWriteSurvives()
    {
        var path = _folder.File("crash.db");
        var acked = new List<int>();
        var errors = new System.Text.StringBuilder();
        using (var writer = StartWriter(path))
        {
            // Drained in the background, so a chatty stderr can never block the writer.
            writer.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            };
            writer.BeginErrorReadLine();

            var waited = Stopwatch.StartNew();
            while (acked.Count < 400)
            {
                var line = await writer.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                if (line is null)
                {
                    lock (errors)
                    {
                        Assert.Fail($"the writer stopped early: {errors}");
                    }
                }

                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    acked.Add(int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture));
                }

                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(120), "the writer was too slow to acknowledge 400 writes");
            }

            writer.Kill(); // SIGKILL on Unix: no flush, no dispose, no shutdown
            await writer.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        using var store = new SqliteStorage(new SqliteStorageOptions { Path = path });
        var found = await store.ReadAsync(acked.Select(n => "crash/" + n.ToString("D8", CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal(acked.Count, found.Count);
        Assert.Equal(4, (await store.ReadAsync(["crash-last/0", "crash-last/1", "crash-last/2", "crash-last/3"])).Count);

        Assert.Equal("ok", IndependentSqlite.Scalar(path, "PRAGMA integrity_check;"));
    }

    private static Process StartWriter(string path)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "exec", typeof(Support.Program).Assembly.Location, "crash-writer", path })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash writer.");
    }
}
