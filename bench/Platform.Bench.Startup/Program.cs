using System.Diagnostics;

// Starts the built AppHost N times on a fresh data folder (cold) and N times on a kept one (warm),
// each time measuring launch -> "Platform is running" (every resource healthy), the AppHost's own
// resident memory at that moment, and SIGTERM -> exit. Build first: dotnet build -c Release.
var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5;
var appHost = new Projects.Platform_AppHost().TargetPath;

Console.WriteLine($"AppHost start-up, {runs} runs each, {Environment.ProcessorCount} cores");
var cold = new List<Measurement>();
for (var i = 0; i < runs; i++)
{
    var folder = Directory.CreateTempSubdirectory("platform-bench-cold-").FullName;
    cold.Add(await MeasureAsync(appHost, folder));
    Directory.Delete(folder, recursive: true);
}

var warmFolder = Directory.CreateTempSubdirectory("platform-bench-warm-").FullName;
await MeasureAsync(appHost, warmFolder); // creates the data the warm runs reuse
var warm = new List<Measurement>();
for (var i = 0; i < runs; i++)
{
    warm.Add(await MeasureAsync(appHost, warmFolder));
}
Directory.Delete(warmFolder, recursive: true);

Report("cold start (new data)", cold);
Report("warm start (kept data)", warm);

static void Report(string title, List<Measurement> measurements)
{
    static string Stats(IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToList();
        return $"median {sorted[sorted.Count / 2].ToString(format)}  min {sorted[0].ToString(format)}  max {sorted[^1].ToString(format)}";
    }
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine($"  to all healthy (s):  {Stats(measurements.Select(m => m.ToHealthy.TotalSeconds), "0.00")}");
    Console.WriteLine($"  AppHost RSS (MiB):   {Stats(measurements.Select(m => m.AppHostMemoryMiB), "0")}");
    Console.WriteLine($"  shutdown (s):        {Stats(measurements.Select(m => m.Shutdown.TotalSeconds), "0.00")}");
}

static async Task<Measurement> MeasureAsync(string appHost, string dataFolder)
{
    var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    var startInfo = new ProcessStartInfo(dotnet)
    {
        ArgumentList = { appHost, $"--AppHost:DataDirectory={dataFolder}", "--AppHost:RandomizePorts=true" },
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(startInfo)!;
    process.OutputDataReceived += (_, e) =>
    {
        if (e.Data?.StartsWith("Platform is running", StringComparison.Ordinal) == true) running.TrySetResult();
    };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    await running.Task.WaitAsync(TimeSpan.FromMinutes(3));
    var toHealthy = clock.Elapsed;

    var rssKiB = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

    var stopping = Stopwatch.StartNew();
    Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
    await process.WaitForExitAsync();
    return new Measurement(toHealthy, double.Parse(rssKiB) / 1024, stopping.Elapsed);
}

internal sealed record Measurement(TimeSpan ToHealthy, double AppHostMemoryMiB, TimeSpan Shutdown);
