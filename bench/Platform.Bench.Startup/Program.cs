using System.Diagnostics;
using Platform.Bench.Startup;

// Usage: Platform.Bench.Startup [runs = 5] [AppHost dll = AppHost/Platform.AppHost/bin/Release/net10.0/Platform.AppHost.dll]
//        [data folder setting = LocalProcesses:DataDirectory]   (an older AppHost, e.g. 9ad0b9a's, took AppHost:DataDirectory)
// Starts the built AppHost N times on a fresh data folder (cold) and N times on a kept one (warm), each time
// measuring launch -> "Platform is running" (every resource healthy), the resident memory of the AppHost, DCP and
// the dashboard at that moment, and the time from SIGTERM, and from SIGKILL of the AppHost, until none of the
// processes it started is left. Build first: dotnet build -c Release. Uses the AppHost's usual ports.
var runs = args.Length > 0 ? int.Parse(args[0]) : 5;
var appHost = Path.GetFullPath(args.Length > 1 ? args[1] : "AppHost/Platform.AppHost/bin/Release/net10.0/Platform.AppHost.dll");
var dataSetting = args.Length > 2 ? args[2] : "LocalProcesses:DataDirectory";

Console.WriteLine($"AppHost start-up, {runs} runs each, {Environment.ProcessorCount} cores: {appHost}");
var cold = new List<Measurement>();
for (var i = 0; i < runs; i++)
{
    var folder = DataFolder("platform-bench-cold-");
    cold.Add(await AppHostRun.MeasureAsync(appHost, DataArgument(folder), Signal.Term));
    Directory.Delete(folder, recursive: true);
}

var warmFolder = DataFolder("platform-bench-warm-");
await AppHostRun.MeasureAsync(appHost, DataArgument(warmFolder), Signal.Term); // creates the data the warm runs reuse
var warm = new List<Measurement>();
for (var i = 0; i < runs; i++)
{
    warm.Add(await AppHostRun.MeasureAsync(appHost, DataArgument(warmFolder), i % 2 == 0 ? Signal.Term : Signal.Kill));
}
Directory.Delete(warmFolder, recursive: true);

Report("cold start (new data), SIGTERM", cold);
Report("warm start (kept data), SIGTERM and SIGKILL alternating", warm);

string DataArgument(string folder) => $"--{dataSetting}={folder}";

// PostgreSQL runs as the postgres account, which must be able to enter the folder (a temp folder is 0700).
static string DataFolder(string prefix)
{
    var folder = Directory.CreateTempSubdirectory(prefix).FullName;
    if (!OperatingSystem.IsWindows())
    {
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.OtherExecute);
    }
    return folder;
}

static void Report(string title, List<Measurement> measurements)
{
    static string Stats(IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? "-" : $"median {sorted[sorted.Count / 2].ToString(format)}  min {sorted[0].ToString(format)}  max {sorted[^1].ToString(format)}";
    }
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine($"  to all healthy (s):                 {Stats(measurements.Select(m => m.ToHealthy.TotalSeconds), "0.00")}");
    Console.WriteLine($"  RSS AppHost + DCP + dashboard (MiB): {Stats(measurements.Select(m => m.HostMemoryMiB), "0")}");
    Console.WriteLine($"  RSS of everything (MiB):            {Stats(measurements.Select(m => m.TotalMemoryMiB), "0")}");
    Console.WriteLine($"  SIGTERM -> nothing left (s):        {Stats(measurements.Where(m => m.Signal == Signal.Term).Select(m => m.Shutdown.TotalSeconds), "0.00")}");
    Console.WriteLine($"  SIGKILL -> nothing left (s):        {Stats(measurements.Where(m => m.Signal == Signal.Kill).Select(m => m.Shutdown.TotalSeconds), "0.00")}");
}
