using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>Orders survive the broker restarting and a replica dying: nothing acknowledged is lost or doubled.</summary>
[Collection(nameof(DisruptedSystemCollection))]
public sealed class OrderResilienceTests(DisruptedSystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Orders_placed_while_RabbitMQ_restarts_all_finish_with_one_notification_each()
    {
        const int Customers = 20, OrdersEach = 5;
        var product = await system.CreateProductAsync(price: 2m, stock: 1000);
        var clients = await ClientsAsync(Customers);
        var placed = new ConcurrentBag<(HttpClient Customer, Guid OrderId)>();

        var restart = Task.Run(async () =>
        {
            await Eventually.HoldsAsync(() => placed.Count >= 30, TimeSpan.FromMinutes(2), "30 orders are placed", Cancellation);
            await system.App.StopResourceAsync("messaging", TestContext.Current.CancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(3), Cancellation);
            await system.App.StartResourceAsync("messaging", TestContext.Current.CancellationToken);
        }, Cancellation);
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var i = 0; i < OrdersEach; i++)
            {
                placed.Add((client, (await client.OrderAsync(product.Id)).Id));
            }
        }));
        await restart;

        Assert.Equal(Customers * OrdersEach, placed.Count);
        foreach (var (customer, orderId) in placed)
        {
            Assert.Equal("Confirmed", (await customer.WaitUntilFinalAsync(orderId)).Status);
        }
        foreach (var client in clients)
        {
            var mine = placed.Where(p => p.Customer == client).Select(p => p.OrderId).Order().ToList();
            await Eventually.HoldsAsync(async () => (await client.NotificationsAsync()).Items.Count(n => n.OrderId is not null) >= mine.Count,
                Shopping.SagaPatience, "every order has its notification", Cancellation);
            var notified = (await client.NotificationsAsync()).Items.Where(n => n.OrderId is not null).Select(n => n.OrderId!.Value).Order().ToList();
            Assert.Equal(mine, notified);
        }
        Assert.Equal(1000 - Customers * OrdersEach, await system.StockAsync(product.Id));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task An_orders_replica_killed_under_load_loses_no_acknowledged_order()
    {
        const int Customers = 12, OrdersEach = 5;
        var product = await system.CreateProductAsync(price: 4m, stock: 1000);
        var clients = await ClientsAsync(Customers);
        var acknowledged = new ConcurrentBag<(HttpClient Customer, Guid OrderId)>();
        var attempts = 0;

        var kill = Task.Run(async () =>
        {
            await Eventually.HoldsAsync(() => acknowledged.Count >= 15, TimeSpan.FromMinutes(2), "15 orders are placed", Cancellation);
            Process.GetProcessById(system.App.GetProcessId("orders", replica: 0)).Kill(); // SIGKILL: no shutdown, no flush
        }, Cancellation);
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var i = 0; i < OrdersEach; i++)
            {
                Interlocked.Increment(ref attempts);
                // A request in flight on the replica when it dies gets a 502, like any client would; it moves on.
                using var put = await client.PutAsJsonAsync($"/api/cart/items/{product.Id}", new { quantity = 1 }, Cancellation);
                using var response = await client.CheckoutAsync(Guid.NewGuid().ToString());
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add((client, (await response.Content.ReadFromJsonAsync<OrderDto>(Cancellation))!.Id));
                }
            }
        }));
        await kill;

        TestContext.Current.TestOutputHelper?.WriteLine($"{acknowledged.Count} of {attempts} checkouts acknowledged with 201 around the kill");
        Assert.InRange(acknowledged.Count, 15, attempts);
        foreach (var (customer, orderId) in acknowledged)
        {
            Assert.True((await customer.WaitUntilFinalAsync(orderId)).IsFinal);
        }
        await system.App.RestartResourceAsync("orders", TestContext.Current.CancellationToken);
        await system.App.WaitForResourceHealthyAsync("orders", cancellationToken: Cancellation);
        clients.ForEach(c => c.Dispose());
    }

    private async Task<List<HttpClient>> ClientsAsync(int count)
    {
        var clients = new List<HttpClient>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(10))
        {
            var customers = await Task.WhenAll(batch.Select(_ => system.RegisterCustomerAsync(Cancellation)));
            clients.AddRange(customers.Select(c => system.CreateGatewayClient(c.AccessToken)));
        }
        return clients;
    }
}
