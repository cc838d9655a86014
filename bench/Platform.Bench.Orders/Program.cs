using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Bench;
using Platform.Bench.Orders;
using Platform.Testing;

// Usage: Platform.Bench.Orders [customers = 16] [seconds = 20] [offered orders/s = 100] [warm-up seconds = 60]
// Starts the whole AppHost (random ports, throw-away data) and places orders through the gateway, each one
// "put one item in the cart, check out":
// 1. closed loop: each customer places the next order as soon as the last POST answers, for the given time;
// 2. open loop: orders arrive at a fixed rate whatever the system does, for the same time.
// After each, it waits until every order is Confirmed and reads the saga's timestamps from the orders and
// notifications services; the CPU time of every process on the machine is divided by the orders placed.
var customers = args.Length > 0 ? int.Parse(args[0]) : 16;
var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1]) : 20);
var offeredRate = args.Length > 2 ? int.Parse(args[2]) : 100;
// On two saturated cores the services' JIT tier-up takes about a minute of load to settle; a shorter warm-up
// measures the compiler along with the orders.
var warmUp = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3]) : 60);
const string AdminPassword = "Bench-Admin-Passw0rd";

var builder = (await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>()).WithTestDefaults();
builder.Configuration["Parameters:admin-password"] = AdminPassword;
// The services' logs stay in the services; the bench's console shows its figures and the warnings.
builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
var gatewayResource = (ProjectResource)builder.Resources.Single(r => r.Name == "gateway");
builder.CreateResourceBuilder(gatewayResource)
    .WithEnvironment("RateLimiting__PermitsPerIp", "1000000000")
    .WithEnvironment("RateLimiting__PermitsPerUser", "1000000000");
await using var app = await builder.BuildAsync();
await app.StartAsync();
await app.WaitForAllResourcesHealthyAsync(TimeSpan.FromMinutes(3));

var shop = new Shop(() => app.CreateHttpClient("gateway"));
using var admin = await shop.LoginAsync("admin@platform.local", AdminPassword);
var productId = await Shop.CreateProductAsync(admin, stock: 10_000_000);
// The open loop needs enough customers that one is free when the next order arrives: one cart each.
var clients = await Task.WhenAll(Enumerable.Range(0, Math.Max(customers, offeredRate / 2))
    .Select(i => shop.RegisterAsync($"bench_{i}_{Guid.NewGuid():N}"[..24])));
var loads = new OrderLoads(productId);
await loads.ClosedLoopAsync(clients.Take(customers).ToArray(), warmUp); // warm-up: JIT, pools, caches

Console.WriteLine($"{customers} customers, {duration.TotalSeconds:0} s, {Environment.ProcessorCount} cores");
Console.WriteLine($"closed loop, {customers} customers:");
await OrderReport.MeasureAsync(clients, () => loads.ClosedLoopAsync(clients.Take(customers).ToArray(), duration));
Console.WriteLine($"open loop, {offeredRate} orders/s offered:");
await OrderReport.MeasureAsync(clients, () => loads.OpenLoopAsync(clients, offeredRate, duration));
if (loads.Skipped > 0)
{
    Console.WriteLine($"  {loads.Skipped} arrivals skipped: all {clients.Length} customers were still checking out");
}

// What the running system costs once every order is settled: health checks, metrics, timers, polling, tier-up.
var idleFrom = CpuSnapshot.Take();
await Task.Delay(TimeSpan.FromSeconds(10));
Console.WriteLine($"idle, 10 s:\n  {idleFrom.Until(CpuSnapshot.Take()).PerUnit(10, "second", TimeSpan.FromSeconds(10))}");

foreach (var client in clients)
{
    client.Dispose();
}
