// Times the caseload's first page (what /coach/patients does before it renders: read the index documents, filter,
// sort, take 50) with N patients (default 10,000) spread over coaches, on SQLite and on Azure Blob (Azurite), and
// prints the median and 90th percentile. "cold" uses a new CaseloadStore per run, so every index document is parsed;
// "warm" reuses one: when nothing changed it reads only the change marker; when one patient changed between two
// views it reads every index document again but parses only the changed one. Each run then renders that page's HTML
// the way /coach/patients does (the page frame and the 50 rows), timed on its own. A benchmark, not a test.
//
//   dotnet run -c Release --project bench/CoachBot.Caseload.Bench -- [--patients 10000] [--coaches 10] [--runs 30]
//       [--store sqlite|azureblob|both] [--connection-string "UseDevelopmentStorage=true"]
using System.Diagnostics;
using System.Globalization;
using CoachBot.CoachReview.Actions;
using CoachBot.CoachReview.Caseload;
using CoachBot.Coaching.Policy;
using CoachBot.Records.Caseload;
using CoachBot.Storage;
using CoachBot.Storage.AzureBlob;
using CoachBot.Storage.Sqlite;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

var patients = int.Parse(Arg("--patients", "10000"), CultureInfo.InvariantCulture);
var coaches = int.Parse(Arg("--coaches", "10"), CultureInfo.InvariantCulture);
var runs = int.Parse(Arg("--runs", "30"), CultureInfo.InvariantCulture);
var which = Arg("--store", "both");
var connectionString = Arg("--connection-string", "UseDevelopmentStorage=true");
var now = TimeProvider.System.GetUtcNow();
var rows = Rows(patients, coaches, now);
await using var services = new ServiceCollection().AddLogging().AddAntiforgery().BuildServiceProvider();

if (which is "sqlite" or "both")
{
    var folder = Directory.CreateTempSubdirectory("caseload-bench-");
    try
    {
        using var sqlite = new SqliteStorage(new SqliteStorageOptions { Path = Path.Combine(folder.FullName, "bench.db") });
        await sqlite.InitializeAsync();
        await MeasureAsync("sqlite", sqlite);
    }
    finally
    {
        folder.Delete(recursive: true);
    }
}

if (which is "azureblob" or "both")
{
    var blob = new AzureBlobStorage(new AzureBlobStorageOptions { ConnectionString = connectionString, Container = "caseload-bench-" + Guid.NewGuid().ToString("N")[..8] });
    await blob.InitializeAsync();
    await MeasureAsync("azureblob", blob);
}

async Task MeasureAsync(string name, IStorage storage)
{
    var seed = Stopwatch.StartNew();
    await new CaseloadStore(storage, TimeProvider.System).WriteAllAsync(rows);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: wrote {rows.Count} rows and their index documents in {seed.Elapsed.TotalSeconds:0.0} s"));
    var warm = new CaseloadStore(storage, TimeProvider.System);
    var writer = new CaseloadStore(storage, TimeProvider.System);
    var changes = 0;
    foreach (var (scope, owners) in new[] { ("mine (one coach)", (IReadOnlyCollection<string>?)["coach-0@example.org"]), ("all patients", null) })
    {
        foreach (var (kind, store, changeBetween) in new[] { ("cold", (CaseloadStore?)null, false), ("warm, nothing changed", warm, false), ("warm, one patient changed", warm, true) })
        {
            var times = new List<double>();
            var queryTimes = new List<double>();
            var renderTimes = new List<double>();
            var total = 0;
            for (var run = 0; run < runs + 2; run++)
            {
                if (changeBetween)
                {
                    // A patient of the coach writes between two views: the marker moves and that index document changes.
                    changes++;
                    await writer.UpdateAsync(rows[changes * coaches % rows.Count].PatientId, row => row! with { LastSeenAt = now.AddSeconds(-changes) });
                }

                var watch = Stopwatch.StartNew();
                var read = await (store ?? new CaseloadStore(storage, TimeProvider.System)).RowsAsync(owners);
                var readAt = watch.Elapsed.TotalMilliseconds;
                var page = CaseloadQuery.Run(read, CaseloadFilter.All, null, 1, 50, now);
                watch.Stop();
                if (run >= 2)
                {
                    queryTimes.Add(watch.Elapsed.TotalMilliseconds - readAt);
                }

                var render = Stopwatch.StartNew();
                var html = await RenderAsync(page);
                render.Stop();
                if (run >= 2)
                {
                    renderTimes.Add(render.Elapsed.TotalMilliseconds);
                }

                total = page.Total;
                if (run >= 2)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds); // the first two runs warm the JIT and connections
                }
            }

            times.Sort();
            queryTimes.Sort();
            renderTimes.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} {scope} {kind}: {total} rows, first page median {times[times.Count / 2]:0.0} ms, p90 {times[(int)(times.Count * 0.9)]:0.0} ms over {runs} runs (filter, sort and page: median {queryTimes[queryTimes.Count / 2]:0.0} ms; page HTML: median {renderTimes[renderTimes.Count / 2]:0.00} ms, p90 {renderTimes[(int)(renderTimes.Count * 0.9)]:0.00} ms)"));
        }
    }
}

// The page as /coach/patients sends it (frame, filters, 50 rows with their forms), written to a buffer.
async Task<long> RenderAsync(CaseloadPage page)
{
    var context = new DefaultHttpContext { RequestServices = services };
    using var body = new MemoryStream();
    context.Response.Body = body;
    var request = new CaseloadRequest("all", CaseloadFilter.All, CaseloadQuery.DefaultQuietDays, null, 1);
    var result = CaseloadEndpoints.Page(context, services.GetRequiredService<IAntiforgery>(), new CoachIdentity("coach-0@example.org", null), request, page, now, TimeZoneInfo.Utc, null);
    await result.ExecuteAsync(context);
    return body.Length;
}

static List<CaseloadRow> Rows(int count, int coachCount, DateTimeOffset now)
{
    var random = new Random(23);
    var rows = new List<CaseloadRow>(count);
    for (var i = 0; i < count; i++)
    {
        var checkIns = Enumerable.Range(1, CaseloadRow.RecentCheckIns).Select(n => new CheckInPoint
        {
            Sequence = n,
            At = now.AddDays(n - 30),
            LocalDate = DateOnly.FromDateTime(now.AddDays(n - 30).UtcDateTime),
            Pain = random.Next(0, 11),
            Decision = (Decision)random.Next(0, 3),
        }).ToList();
        var escalations = random.Next(0, 5) == 0
            ? new List<EscalationPoint> { new() { Id = $"20260101T000000Z-{i:D12}", Level = (Escalation)random.Next(0, 4), RaisedAt = now.AddHours(-random.Next(1, 200)) } }
            : [];
        rows.Add(new CaseloadRow
        {
            PatientId = "webchat:" + i.ToString("D6", CultureInfo.InvariantCulture),
            Name = "Patient " + i.ToString(CultureInfo.InvariantCulture),
            Coach = "coach-" + (i % coachCount).ToString(CultureInfo.InvariantCulture) + "@example.org",
            CreatedAt = now.AddDays(-60),
            Onboarded = true,
            Phase = "normal",
            BaselinePain = random.Next(0, 11),
            Reachable = random.Next(0, 20) != 0,
            LastSeenAt = now.AddHours(-random.Next(1, 400)),
            CheckIns = checkIns,
            Sessions = [.. Enumerable.Range(0, random.Next(0, 12)).Select(d => DateOnly.FromDateTime(now.AddDays(-d * 3).UtcDateTime))],
            Escalations = escalations,
        });
    }

    return rows;
}

string Arg(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
