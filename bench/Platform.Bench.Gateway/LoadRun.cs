using System.Diagnostics;

namespace Platform.Bench.Gateway;

/// <summary>A closed-loop load: a fixed number of workers each sending the next request when the last one ends.</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(HttpClient client, string url, int workers, TimeSpan duration)
    {
        var latencies = new List<double>[workers];
        var failures = 0;
        var cpuBefore = CpuSnapshot.Take();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var cpu = cpuBefore.Until(CpuSnapshot.Take());
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(all.Count / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Count, failures,
            cpu.PerUnit(all.Count, "request", elapsed));
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * fraction)];
}

internal sealed record LoadResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, int Requests, int Failures, string Cpu)
{
    public override string ToString() =>
        $"{RequestsPerSecond,8:0} req/s   p50 {P50Milliseconds,6:0.00} ms   p99 {P99Milliseconds,6:0.00} ms   ({Requests} requests, {Failures} failed)\n" +
        $"                         {Cpu}";
}
