using System.Globalization;
using CoachBot.Storage.Sqlite;

namespace CoachBot.Storage.Tests.Support;

/// <summary>
/// Entry point of the test assembly. The test runner does not use it; the crash test starts this
/// assembly as a child process with <c>crash-writer &lt;db path&gt;</c>, and kills it mid-write.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["crash-writer", var path])
        {
            await CrashWriterAsync(path);
        }

        return 0;
    }

    /// <summary>
    /// Writes batches (one new key plus an overwrite of a shared key) from four writers forever, and
    /// prints "ack N" only after WriteAsync for N has returned.
    /// </summary>
    private static async Task CrashWriterAsync(string path)
    {
        using var storage = new SqliteStorage(new SqliteStorageOptions { Path = path });
        await storage.InitializeAsync();
        var next = -1;
        var output = Console.Out;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                var json = "{\"n\":" + n.ToString(CultureInfo.InvariantCulture) + ",\"pad\":\"" + new string('x', 512) + "\"}";
                await storage.WriteAsync(new Dictionary<string, StoreItem>
                {
                    ["crash/" + n.ToString("D8", CultureInfo.InvariantCulture)] = new(json, null),
                    ["crash-last/" + (n % 4).ToString(CultureInfo.InvariantCulture)] = new(json, "*"),
                });
                lock (output)
                {
                    output.WriteLine("ack " + n.ToString(CultureInfo.InvariantCulture));
                    output.Flush();
                }
            }
        })));
    }
}
