// Dispatches N due check-ins (default 100,000) to an in-process connector stand-in through the real scheduler,
// bot pipeline and storage, with one or more scheduler instances racing on the same store, and prints the elapsed
// time, sends, duplicates and misses. A benchmark, not a test.
//
//   dotnet run -c Release --project bench/CoachBot.Scheduling.Bench -- [--patients 100000] [--instances 2] [--store memory|sqlite|azureblob]
//
// --store azureblob needs a blob service, normally Azurite on 127.0.0.1:10000 (--connection-string, default
// UseDevelopmentStorage=true); every run uses a new container, and each instance has its own client.
using System.Diagnostics;
using System.Globalization;
using CoachBot.Content;
using CoachBot.Protocol.Connector;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using CoachBot.Protocol.Turns;
using CoachBot.Records;
using CoachBot.Scheduling;
using CoachBot.Scheduling.Bench;
using CoachBot.Storage;
using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

var patients = int.Parse(Arg("--patients", "100000"), CultureInfo.InvariantCulture);
var instances = int.Parse(Arg("--instances", "2"), CultureInfo.InvariantCulture);
var store = Arg("--store", "memory");
var parallelism = int.Parse(Arg("--parallelism", "16"), CultureInfo.InvariantCulture);
var connectionString = Arg("--connection-string", "UseDevelopmentStorage=true");
var container = "bench-" + Guid.NewGuid().ToString("N")[..12];
if (store is not ("memory" or "sqlite" or "azureblob"))
{
    Console.Error.WriteLine($"--store must be memory, sqlite or azureblob (was '{store}').");
    return 2;
}

var folder = Path.Combine(Path.GetTempPath(), "coachbot-bench-" + Guid.NewGuid().ToString("N"));
var stores = new List<IStorage>();
IStorage NewStore()
{
    if (store == "memory")
    {
        if (stores.Count == 0)
        {
            stores.Add(new MemoryStorage());
        }

        return stores[0]; // every instance shares the one in-process store
    }

    if (store == "azureblob")
    {
        var blob = new AzureBlobStorage(new AzureBlobStorageOptions { ConnectionString = connectionString, Container = container });
        stores.Add(blob);
        return blob; // one client per instance on the same container, like separate processes
    }

    Directory.CreateDirectory(folder);
    var sqlite = new SqliteStorage(new SqliteStorageOptions { Path = Path.Combine(folder, "bench.db") });
    stores.Add(sqlite);
    return sqlite; // one SqliteStorage per instance on the same file, like separate processes
}

var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));
var connector = new CountingConnector();
var catalog = ContentCatalog.Parse("""{ "checkin.reminder": "Just checking in again." }""");
var providers = new List<ServiceProvider>();
var schedulers = new List<CheckInScheduler>();
for (var i = 0; i < instances; i++)
{
    var services = new ServiceCollection();
    services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
    services.AddSingleton<TimeProvider>(time);
    services.AddSingleton(NewStore());
    services.AddSingleton<IConnectorClient>(connector);
    services.AddBotRuntime();
    services.AddSingleton(catalog);
    services.AddCoachBotScheduling(_ => (turn, ct) => turn.SendActivityAsync("Time for your check-in.", ct));
    services.Configure<SchedulerOptions>(o =>
    {
        o.GlobalSendsPerSecond = 0; // measure the scheduler, not the configured channel limit
        o.BatchSize = 5000;
        o.MaxParallelism = parallelism;
        o.ReminderAfter = TimeSpan.Zero;
    });
    var provider = services.BuildServiceProvider();
    providers.Add(provider);
    schedulers.Add(provider.GetRequiredService<CheckInScheduler>());
}

// Seed: every patient has a check-in due at 09:00 on Monday, in zones where that is the same instant. The records are
// written without the coach caseload read model, which the scheduler never reads: this measures the scheduler.
var seed = Stopwatch.StartNew();
var repository = new PatientRepository(new RecordStore(providers[0].GetRequiredService<IStorage>()));
var references = providers[0].GetRequiredService<IConversationReferenceStore>();
var zones = new[] { ("Europe/London", 9), ("Europe/Lisbon", 9), ("Africa/Abidjan", 9), ("Atlantic/Reykjavik", 9) };
await Parallel.ForEachAsync(Enumerable.Range(0, patients), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, ct) =>
{
    var user = "u" + n.ToString(CultureInfo.InvariantCulture);
    var id = PatientId.From(Channels.Test, user);
    var (zone, hour) = zones[n % zones.Length];
    await references.SaveAsync(id, new ConversationReference
    {
        ChannelId = Channels.Test,
        ServiceUrl = "http://127.0.0.1/",
        Conversation = new ConversationAccount("conv-" + user),
        User = new ChannelAccount(user),
        Bot = new ChannelAccount("bot"),
    }, ct);
    await repository.SaveAsync(new PatientRecord
    {
        PatientId = id,
        ChannelId = Channels.Test,
        UserId = user,
        Onboarded = true,
        Schedule = new CheckInSchedule { Days = [DayOfWeek.Monday], LocalTime = new TimeOnly(hour, 0), TimeZone = zone },
    }, ct);
});
var indexed = await schedulers[0].ReconcileAsync();
seed.Stop();

time.SetUtcNow(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
var run = Stopwatch.StartNew();
var polls = 0;
var sent = 0;
var errors = 0;
while (true)
{
    var results = await Task.WhenAll(schedulers.Select(s => s.PollOnceAsync()));
    polls++;
    sent += results.Sum(r => r.Sent);
    errors += results.Sum(r => r.Errors);
    if (results.All(r => r.Due == 0))
    {
        break;
    }

    time.Advance(TimeSpan.FromSeconds(1));
}

run.Stop();
var delivered = connector.PerConversation.Values.Sum();
var duplicates = connector.PerConversation.Values.Sum(v => Math.Max(0, v - 1));
var misses = patients - connector.PerConversation.Count;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store={store} instances={instances} parallelism={parallelism} patients={patients}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed+index: {seed.Elapsed.TotalSeconds:F1} s ({indexed} due entries)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dispatch: {run.Elapsed.TotalSeconds:F1} s, {polls} polls, {patients / run.Elapsed.TotalSeconds:F0} check-ins/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sends={delivered} reportedSent={sent} duplicates={duplicates} misses={misses} errors={errors}"));

foreach (var provider in providers)
{
    await provider.DisposeAsync();
}

foreach (var disposable in stores.OfType<IDisposable>())
{
    disposable.Dispose();
}

if (store == "azureblob")
{
    await new Azure.Storage.Blobs.BlobServiceClient(connectionString).GetBlobContainerClient(container).DeleteIfExistsAsync();
}

if (Directory.Exists(folder))
{
    Directory.Delete(folder, recursive: true);
}

return duplicates == 0 && misses == 0 && errors == 0 ? 0 : 1;

string Arg(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
