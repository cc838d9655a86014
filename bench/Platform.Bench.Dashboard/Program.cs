using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bench.Dashboard;
using Platform.Dashboard;
using Platform.Dashboard.Telemetry;

// Usage: Platform.Bench.Dashboard [requests per page = 20] [--serve]
// Runs the dashboard's web server (DashboardWebApplication) with its telemetry stores full to their default
// limits (100k spans, 50k log records, 10k metric series), logs in through the one-time URL, then requests
// each page and prints the render time per page: p50, p95 and max in ms (the first request of each is a warm-up).
// With --serve it then prints a login URL and keeps running, adding a trace and a log record every second.
var requests = args.Length > 0 && int.TryParse(args[0], out var count) ? count : 20;
var serve = args.Contains("--serve");

var options = new DashboardOptions { UiPort = FreePort(), OtlpPort = FreePort(), OtlpApiKey = "bench" };
await using var dashboard = DashboardWebApplication.Create(options, new StaticResources(["gateway", "basket", "orders", "products", "users", "notifications"]));
await dashboard.StartAsync(CancellationToken.None);

var services = dashboard.Services;
var limits = services.GetRequiredService<TelemetryLimits>();
var filler = new TelemetryFiller(services.GetRequiredService<ResourceStore>(), services.GetRequiredService<TraceStore>(),
    services.GetRequiredService<LogStore>(), services.GetRequiredService<MetricStore>(), limits);
var filling = Stopwatch.StartNew();
filler.Fill();
var traces = services.GetRequiredService<TraceStore>();
Console.WriteLine($"Stores filled in {filling.Elapsed.TotalSeconds:0.0} s: {traces.SpanCount} spans in {traces.TraceCount} traces, "
    + $"{services.GetRequiredService<LogStore>().Count} log records, {services.GetRequiredService<MetricStore>().SeriesCount} metric series; "
    + $"{GC.GetTotalMemory(true) / 1_048_576} MB managed; {Environment.ProcessorCount} cores");

using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = new Uri(dashboard.Url) };
(await browser.GetAsync(dashboard.LoginUrl)).EnsureSuccessStatusCode();

var chart = $"/metrics?resource={Uri.EscapeDataString(filler.ChartResource.Key)}&meter={TelemetryFiller.ChartMeter}&instrument={TelemetryFiller.ChartInstrument}";
string[] pages =
[
    "/",
    "/structuredlogs",
    "/structuredlogs?text=timeout",
    "/structuredlogs?level=Error&resource=orders",
    "/traces",
    "/traces?text=SELECT&errors=true",
    $"/traces/{filler.LargeTraceId}",
    chart,
    chart + "&stat=count",
];
Console.WriteLine($"{"page",-90} {"KB",7} {"p50",7} {"p95",7} {"max",7}  (ms, {requests} requests)");
var slowest = 0.0;
foreach (var page in pages)
{
    var warmUp = await browser.GetAsync(page);
    warmUp.EnsureSuccessStatusCode();
    var size = (await warmUp.Content.ReadAsByteArrayAsync()).Length;
    var times = new List<double>(requests);
    for (var i = 0; i < requests; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await browser.GetAsync(page);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    slowest = Math.Max(slowest, times[^1]);
    Console.WriteLine($"{Shorten(page),-90} {size / 1024,7} {Percentile(times, 0.50),7:0.0} {Percentile(times, 0.95),7:0.0} {times[^1],7:0.0}");
}
Console.WriteLine(slowest < 1_000 ? "Every page rendered in under 1 s." : $"The slowest request took {slowest:0} ms (target: under 1 s).");
if (serve)
{
    Console.WriteLine($"Serving until Ctrl+C or SIGTERM, with a new trace and log record every second: {dashboard.LoginUrl}");
    var stop = new TaskCompletionSource();
    _ = Task.Run(async () =>
    {
        for (var number = 1; !stop.Task.IsCompleted; number++)
        {
            await Task.Delay(1_000);
            filler.AddLive(number);
        }
    });
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.TrySetResult(); });
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.TrySetResult(); });
    await stop.Task;
}
await dashboard.StopAsync(CancellationToken.None);

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string Shorten(string page) => page.Length > 90 ? page[..87] + "..." : page;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
