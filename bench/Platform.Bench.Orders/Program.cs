using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.Bench.Orders;
using Platform.Testing;

// Usage: Platform.Bench.Orders [customers = 16] [seconds = 20]
// Starts the whole AppHost (random ports, throw-away data); each customer puts one item in the cart and checks
// out, again and again, for the given time (closed loop through the gateway). Then it waits for every order to be
// Confirmed and reads the saga's timestamps from the orders and notifications services.
var customers = args.Length > 0 ? int.Parse(args[0]) : 16;
var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1]) : 20);
const string AdminPassword = "Bench-Admin-Passw0rd";

var builder = (await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>()).WithTestDefaults();
builder.Configuration["Parameters:admin-password"] = AdminPassword;
var gatewayResource = (ProjectResource)builder.Resources.Single(r => r.Name == "gateway");
builder.CreateResourceBuilder(gatewayResource)
    .WithEnvironment("RateLimiting__PermitsPerIp", "1000000000")
    .WithEnvironment("RateLimiting__PermitsPerUser", "1000000000");
await using var app = await builder.BuildAsync();
await app.StartAsync();
await app.WaitForAllResourcesHealthyAsync(TimeSpan.FromMinutes(3));

var shop = new Shop(() => app.CreateHttpClient("gateway"));
using var admin = await shop.LoginAsync("admin@platform.local", AdminPassword);
var productId = await Shop.CreateProductAsync(admin, stock: 1_000_000);
var clients = await Task.WhenAll(Enumerable.Range(0, customers).Select(i => shop.RegisterAsync($"bench_{i}_{Guid.NewGuid():N}"[..24])));

Console.WriteLine($"{customers} customers, {duration.TotalSeconds:0} s, {Environment.ProcessorCount} cores");
var postLatencies = new List<double>[customers];
var placed = new List<(HttpClient Customer, Guid OrderId)>[customers];
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, customers).Select(async i =>
{
    postLatencies[i] = [];
    placed[i] = [];
    while (clock.Elapsed < duration)
    {
        await Shop.PutInCartAsync(clients[i], productId);
        var started = Stopwatch.GetTimestamp();
        var orderId = await Shop.CheckoutAsync(clients[i]);
        postLatencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        placed[i].Add((clients[i], orderId));
    }
}));
var orders = placed.SelectMany(p => p).ToList();
Console.WriteLine($"  placed {orders.Count} orders in {clock.Elapsed.TotalSeconds:0.0} s; waiting for them to be Confirmed");

var finals = new List<Order>();
foreach (var (customer, orderId) in orders)
{
    var order = await Shop.GetOrderAsync(customer, orderId);
    while (order.Status == "Pending")
    {
        await Task.Delay(200);
        order = await Shop.GetOrderAsync(customer, orderId);
    }
    finals.Add(order);
}

var confirmedAt = finals.Where(o => o.Status == "Confirmed").ToDictionary(o => o.Id, o => o.History.Single(h => h.Status == "Confirmed").At);
var sagaSeconds = finals.Select(o => (o.History.Max(h => h.At) - o.History.Min(h => h.At)).TotalMilliseconds).Order().ToList();
var first = finals.Min(o => o.History.Min(h => h.At));
var last = confirmedAt.Values.Max();

var notificationDelays = new List<double>();
foreach (var customer in clients)
{
    foreach (var notification in await Shop.GetNotificationsAsync(customer))
    {
        if (notification is { Kind: "order-confirmed", OrderId: { } id } && confirmedAt.TryGetValue(id, out var at))
        {
            notificationDelays.Add((notification.CreatedAt - at).TotalMilliseconds);
        }
    }
}
notificationDelays.Sort();
var posts = postLatencies.SelectMany(l => l).Order().ToList();

Console.WriteLine($"  confirmed {confirmedAt.Count} of {finals.Count}; {confirmedAt.Count / (last - first).TotalSeconds:0.0} orders/s end to end (first POST to last Confirmed)");
Console.WriteLine($"  POST /api/orders:           p50 {Percentile(posts, 0.50),7:0.0} ms   p99 {Percentile(posts, 0.99),7:0.0} ms");
Console.WriteLine($"  Pending -> Confirmed:       p50 {Percentile(sagaSeconds, 0.50),7:0.0} ms   p99 {Percentile(sagaSeconds, 0.99),7:0.0} ms");
Console.WriteLine($"  Confirmed -> notification:  p50 {Percentile(notificationDelays, 0.50),7:0.0} ms   p99 {Percentile(notificationDelays, 0.99),7:0.0} ms   ({notificationDelays.Count} notifications)");

foreach (var client in clients)
{
    client.Dispose();
}

static double Percentile(List<double> sorted, double fraction) =>
    sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * fraction)];
