using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using CoachBot.Benchmarks;

// dotnet run -c Release --project bench/CoachBot.Benchmarks -- --filter '*' --inProcess   (BenchmarkDotNet's arguments)
// dotnet run -c Release --project bench/CoachBot.Benchmarks -- cpu [check-ins]
//   runs the dialog-turn benchmark's check-ins in a loop and prints CPU time and bytes allocated per turn: CPU time
//   is far less disturbed than wall time when other work shares the machine.
if (args is ["cpu", ..])
{
    var checkIns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
    var bench = new DialogTurnBenchmarks();
    bench.Setup();
    for (var i = 0; i < 5_000; i++)
    {
        await bench.CheckInTurn().ConfigureAwait(false); // warm-up: tiered JIT, dynamic PGO
    }

    var process = Process.GetCurrentProcess();
    process.Refresh();
    var cpu0 = process.TotalProcessorTime;
    var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
    for (var i = 0; i < checkIns; i++)
    {
        await bench.CheckInTurn().ConfigureAwait(false);
    }

    process.Refresh();
    var turns = checkIns * 4.0;
    var cpuUs = (process.TotalProcessorTime - cpu0).TotalMicroseconds / turns;
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - bytes0) / turns;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dialog turn, in process: {cpuUs:F1} us CPU and {allocated:F0} bytes allocated per turn ({turns} turns, gen0 GCs so far {GC.CollectionCount(0)})"));
    bench.Cleanup();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ActivityJsonBenchmarks).Assembly).Run(args);
