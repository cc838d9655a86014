using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.Bench.Gateway;
using Platform.Testing;

// Usage: Platform.Bench.Gateway [workers = 16] [seconds = 15]
// Starts the whole AppHost (random ports, throw-away data), then loads GET /api/products?page=1 through the
// gateway (a cached catalog page: gateway -> products -> Redis) and, in the same run, a plain Kestrel endpoint
// returning a constant JSON body of the same size, so the gateway + service overhead shows as a ratio.
var workers = args.Length > 0 ? int.Parse(args[0]) : 16;
var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1]) : 15);

var builder = (await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>()).WithTestDefaults();
// One client address sends everything here: lift the per-IP limit so the limiter does not answer instead.
var gatewayResource = (ProjectResource)builder.Resources.Single(r => r.Name == "gateway");
builder.CreateResourceBuilder(gatewayResource).WithEnvironment("RateLimiting__PermitsPerIp", "1000000000");
await using var app = await builder.BuildAsync();
await app.StartAsync();
await app.WaitForAllResourcesHealthyAsync(TimeSpan.FromMinutes(3));

using var gateway = app.CreateHttpClient("gateway");
using var products = app.CreateHttpClient("products", replica: 0);
const string CatalogPage = "/api/products?page=1";
var body = await gateway.GetByteArrayAsync(CatalogPage);

await using var plain = await ConstantJsonServer.StartAsync(body);
using var plainClient = new HttpClient { BaseAddress = plain.Address };

Console.WriteLine($"GET {CatalogPage} ({body.Length} bytes), {workers} workers, {duration.TotalSeconds:0} s each, {Environment.ProcessorCount} cores");
// Warm-up: connections, cache, and the JIT, whose tier-up otherwise runs into the first measurement.
await LoadRun.RunAsync(gateway, CatalogPage, workers, TimeSpan.FromSeconds(15));
await LoadRun.RunAsync(plainClient, "/", workers, TimeSpan.FromSeconds(3));
var throughGateway = await LoadRun.RunAsync(gateway, CatalogPage, workers, duration);
var productsDirect = await LoadRun.RunAsync(products, CatalogPage, workers, duration);
var direct = await LoadRun.RunAsync(plainClient, "/", workers, duration);

Console.WriteLine($"  through the gateway:   {throughGateway}");
Console.WriteLine($"  products, one replica: {productsDirect}");
Console.WriteLine($"  plain Kestrel:         {direct}");
Console.WriteLine($"  gateway + service cost: {direct.RequestsPerSecond / throughGateway.RequestsPerSecond:0.0}x the requests per second, {throughGateway.P99Milliseconds / direct.P99Milliseconds:0.0}x the p99");
