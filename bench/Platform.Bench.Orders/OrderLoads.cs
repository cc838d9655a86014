using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Bench.Orders;

/// <summary>An order placed by the benchmark: who placed it, and how long its POST took.</summary>
internal sealed record PlacedOrder(HttpClient Customer, Guid Id, double PostMilliseconds);

/// <summary>The two ways the benchmark places orders: as fast as the answers come, or at a fixed rate.</summary>
internal sealed class OrderLoads(Guid productId)
{
    /// <summary>Arrivals of the last open loop that found no customer free, so were not placed.</summary>
    public int Skipped { get; private set; }

    /// <summary>Each customer places the next order as soon as the last one's POST has answered.</summary>
    public async Task<List<PlacedOrder>> ClosedLoopAsync(HttpClient[] customers, TimeSpan duration)
    {
        var placed = new ConcurrentBag<PlacedOrder>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(customers.Select(async customer =>
        {
            while (clock.Elapsed < duration)
            {
                placed.Add(await PlaceAsync(customer));
            }
        }));
        return [.. placed];
    }

    /// <summary>
    /// An order arrives every 1/rate s, whether or not the earlier ones have answered, so a slow answer does not
    /// slow the arrivals down (no coordinated omission). Each takes a customer whose last checkout has finished.
    /// </summary>
    public async Task<List<PlacedOrder>> OpenLoopAsync(HttpClient[] customers, int ordersPerSecond, TimeSpan duration)
    {
        Skipped = 0;
        var free = new ConcurrentQueue<HttpClient>(customers);
        var placing = new List<Task<PlacedOrder>>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < ordersPerSecond * duration.TotalSeconds; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / ordersPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
            if (!free.TryDequeue(out var customer))
            {
                Skipped++; // every customer is still checking out: the system has fallen behind the rate
                continue;
            }
            placing.Add(Task.Run(async () =>
            {
                try
                {
                    return await PlaceAsync(customer);
                }
                finally
                {
                    free.Enqueue(customer);
                }
            }));
        }
        return [.. await Task.WhenAll(placing)];
    }

    private async Task<PlacedOrder> PlaceAsync(HttpClient customer)
    {
        await Shop.PutInCartAsync(customer, productId);
        var started = Stopwatch.GetTimestamp();
        var id = await Shop.CheckoutAsync(customer);
        return new PlacedOrder(customer, id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
