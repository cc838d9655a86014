using System.Diagnostics;

namespace Platform.Bench.Orders;

/// <summary>Runs one load, waits for its orders to be Confirmed, and prints throughput, latencies and CPU per order.</summary>
internal static class OrderReport
{
    public static async Task MeasureAsync(HttpClient[] customers, Func<Task<List<PlacedOrder>>> load)
    {
        var cpuBefore = CpuSnapshot.Take();
        var clock = Stopwatch.StartNew();
        var placed = await load();
        var placedIn = clock.Elapsed;
        var finals = await WaitUntilSettledAsync(placed);
        var cpu = cpuBefore.Until(CpuSnapshot.Take());
        var elapsed = clock.Elapsed;

        var confirmedAt = finals.Where(o => o.Status == "Confirmed").ToDictionary(o => o.Id, o => o.History.Single(h => h.Status == "Confirmed").At);
        var sagas = finals.Select(o => (o.History.Max(h => h.At) - o.History.Min(h => h.At)).TotalMilliseconds).Order().ToList();
        var first = finals.Min(o => o.History.Min(h => h.At));
        var last = confirmedAt.Values.Max();
        var notificationDelays = new List<double>();
        foreach (var customer in customers)
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
        var posts = placed.Select(o => o.PostMilliseconds).Order().ToList();

        Console.WriteLine($"  placed {placed.Count} orders in {placedIn.TotalSeconds:0.0} s ({placed.Count / placedIn.TotalSeconds:0.0}/s); " +
            $"confirmed {confirmedAt.Count}; {confirmedAt.Count / (last - first).TotalSeconds:0.0} orders/s end to end (first POST to last Confirmed)");
        Console.WriteLine($"  POST /api/orders:           p50 {Percentile(posts, 0.50),7:0.0} ms   p99 {Percentile(posts, 0.99),7:0.0} ms");
        Console.WriteLine($"  Pending -> Confirmed:       p50 {Percentile(sagas, 0.50),7:0.0} ms   p99 {Percentile(sagas, 0.99),7:0.0} ms");
        Console.WriteLine($"  Confirmed -> notification:  p50 {Percentile(notificationDelays, 0.50),7:0.0} ms   p99 {Percentile(notificationDelays, 0.99),7:0.0} ms   ({notificationDelays.Count} notifications)");
        Console.WriteLine($"  {cpu.PerUnit(placed.Count, "order", elapsed)}");
    }

    // Reads every order until it has left Pending; orders settle in about the order they were placed.
    private static async Task<List<Order>> WaitUntilSettledAsync(List<PlacedOrder> placed)
    {
        var finals = new List<Order>();
        foreach (var order in placed)
        {
            var current = await Shop.GetOrderAsync(order.Customer, order.Id);
            while (current.Status == "Pending")
            {
                await Task.Delay(200);
                current = await Shop.GetOrderAsync(order.Customer, order.Id);
            }
            finals.Add(current);
        }
        return finals;
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * fraction)];
}
