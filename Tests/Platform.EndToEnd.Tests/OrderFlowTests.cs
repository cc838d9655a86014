using System.Net;
using System.Net.Http.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>An order through every service: gateway, orders, RabbitMQ, products, the payment step, notifications.</summary>
[Collection(nameof(SystemCollection))]
public sealed class OrderFlowTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_order_is_confirmed_takes_stock_and_notifies_the_customer_by_email()
    {
        var product = await system.CreateProductAsync(price: 12.50m, stock: 5);
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var client = system.CreateGatewayClient(customer.AccessToken);

        await client.PutInCartAsync(product.Id, quantity: 2);
        var cart = await client.GetFromJsonAsync<CartDto>("/api/cart", Cancellation);
        Assert.Equal(25.00m, cart!.Total);
        using var checkout = await client.CheckoutAsync(Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var placed = (await checkout.Content.ReadFromJsonAsync<OrderDto>(Cancellation))!;
        Assert.Equal("Pending", placed.Status);
        Assert.Equal($"/api/orders/{placed.Id}", checkout.Headers.Location?.OriginalString);

        var order = await client.WaitUntilFinalAsync(placed.Id);

        Assert.Equal("Confirmed", order.Status);
        Assert.Equal(["Pending", "Confirmed"], order.History.Select(h => h.Status));
        Assert.Equal(3, await system.StockAsync(product.Id));
        Assert.Empty((await client.GetFromJsonAsync<CartDto>("/api/cart", Cancellation))!.Items);
        var notification = await client.WaitForNotificationAsync(n => n.Kind == "order-confirmed" && n.OrderId == placed.Id, "of the confirmed order");
        Assert.Null(notification.ReadAt);
        await WaitForEmailsAsync(customer.Email, count: 2); // welcome, order confirmed
    }

    [Fact]
    public async Task The_notification_stream_through_the_gateway_announces_the_confirmation()
    {
        var product = await system.CreateProductAsync(price: 6m, stock: 5);
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var client = system.CreateGatewayClient(customer.AccessToken);
        using var stream = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/notifications/stream"), HttpCompletionOption.ResponseHeadersRead, Cancellation);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await stream.Content.ReadAsStreamAsync(Cancellation));

        var order = await client.OrderAsync(product.Id);

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        patience.CancelAfter(Shopping.SagaPatience);
        while (await events.ReadLineAsync(patience.Token) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(order.Id.ToString()) && line.Contains("order-confirmed"))
            {
                return;
            }
        }
        Assert.Fail("the stream ended without the confirmation");
    }

    [Fact]
    public async Task A_declined_card_cancels_the_order_and_puts_the_stock_back()
    {
        var product = await system.CreateProductAsync(price: 40m, stock: 7);
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var client = system.CreateGatewayClient(customer.AccessToken);

        var placed = await client.OrderAsync(product.Id, quantity: 3, card: Shopping.DeclinedCard);
        var order = await client.WaitUntilFinalAsync(placed.Id);

        Assert.Equal("Cancelled", order.Status);
        Assert.Contains("declined", order.History.Last().Reason, StringComparison.OrdinalIgnoreCase);
        await Eventually.HoldsAsync(async () => await system.StockAsync(product.Id) == 7, Shopping.SagaPatience, "the stock is back to 7", Cancellation);
        await client.WaitForNotificationAsync(n => n.Kind == "order-cancelled" && n.OrderId == placed.Id, "of the cancelled order");
    }

    [Fact]
    public async Task Fifty_concurrent_orders_for_ten_in_stock_confirm_exactly_ten()
    {
        var product = await system.CreateProductAsync(price: 3m, stock: 10);
        var customers = await RegisterManyAsync(50);
        var clients = customers.Select(c => system.CreateGatewayClient(c.AccessToken)).ToList();
        foreach (var client in clients)
        {
            await client.PutInCartAsync(product.Id);
        }

        var answers = await Task.WhenAll(clients.Select(async client =>
        {
            using var response = await client.CheckoutAsync(Guid.NewGuid().ToString());
            return (response.StatusCode, Order: response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<OrderDto>(Cancellation) : null);
        }));
        var finals = await Task.WhenAll(answers.Select((answer, i) => answer.Order is { } order ? clients[i].WaitUntilFinalAsync(order.Id) : Task.FromResult<OrderDto>(null!)));

        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        var refusedAtCheckout = answers.Count(a => a.StatusCode == HttpStatusCode.Conflict);
        TestContext.Current.TestOutputHelper?.WriteLine($"{accepted} accepted, {refusedAtCheckout} refused at checkout (stock already reserved)");
        Assert.Equal(50, accepted + refusedAtCheckout);
        Assert.Equal(10, finals.Count(o => o?.Status == "Confirmed"));
        Assert.Equal(40, finals.Count(o => o?.Status == "Cancelled") + refusedAtCheckout);
        Assert.Equal(0, await system.StockAsync(product.Id));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_retried_checkout_with_the_same_key_creates_one_order()
    {
        var product = await system.CreateProductAsync(price: 8m, stock: 20);
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var client = system.CreateGatewayClient(customer.AccessToken);
        await client.PutInCartAsync(product.Id, quantity: 2);
        var key = Guid.NewGuid().ToString();

        using var first = await client.CheckoutAsync(key);
        using var retried = await client.CheckoutAsync(key);
        using var otherBody = await client.SendAsync(WithOtherCard(Shopping.CheckoutRequest(key)), Cancellation);
        using var noKey = await client.PostAsJsonAsync("/api/orders", new { }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(retried.IsSuccessStatusCode, $"the retry answered {(int)retried.StatusCode}");
        var firstOrder = (await first.Content.ReadFromJsonAsync<OrderDto>(Cancellation))!;
        Assert.Equal(firstOrder.Id, (await retried.Content.ReadFromJsonAsync<OrderDto>(Cancellation))!.Id);
        await otherBody.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await noKey.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, (await client.GetFromJsonAsync<OrderPage>("/api/orders", Cancellation))!.Total);
        await client.WaitUntilFinalAsync(firstOrder.Id);
        Assert.Equal(18, await system.StockAsync(product.Id));
    }

    [Fact]
    public async Task A_customer_cannot_read_or_cancel_another_customers_orders_or_notifications()
    {
        var product = await system.CreateProductAsync(price: 5m, stock: 5);
        var owner = await system.RegisterCustomerAsync(Cancellation);
        var other = await system.RegisterCustomerAsync(Cancellation);
        using var ownerClient = system.CreateGatewayClient(owner.AccessToken);
        using var otherClient = system.CreateGatewayClient(other.AccessToken);
        var order = await ownerClient.OrderAsync(product.Id);
        var notification = await ownerClient.WaitForNotificationAsync(n => n.OrderId == order.Id, "about the order");

        using var read = await otherClient.GetAsync($"/api/orders/{order.Id}", Cancellation);
        using var cancel = await otherClient.PostAsync($"/api/orders/{order.Id}/cancel", null, Cancellation);
        using var markRead = await otherClient.PostAsync($"/api/notifications/{notification.Id}/read", null, Cancellation);
        var othersOrders = await otherClient.GetFromJsonAsync<OrderPage>("/api/orders", Cancellation);
        var othersNotifications = await otherClient.NotificationsAsync();

        await read.AssertProblemAsync(HttpStatusCode.NotFound);
        await cancel.AssertProblemAsync(HttpStatusCode.NotFound);
        await markRead.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, othersOrders!.Total);
        Assert.DoesNotContain(othersNotifications.Items, n => n.OrderId == order.Id || n.Id == notification.Id);
        Assert.Null((await ownerClient.NotificationsAsync()).Items.Single(n => n.Id == notification.Id).ReadAt);
    }

    private static HttpRequestMessage WithOtherCard(HttpRequestMessage request)
    {
        request.Content = JsonContent.Create(new
        {
            shippingAddress = new { name = "Ada Lovelace", line1 = "12 Analytical Row", city = "London", postalCode = "N1 9GU", country = "GB" },
            payment = new { cardNumber = "5555555555554444", expiry = "11/31", cvc = "321" },
        });
        return request;
    }

    private async Task<List<Customer>> RegisterManyAsync(int count)
    {
        var customers = new List<Customer>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(10))
        {
            customers.AddRange(await Task.WhenAll(batch.Select(_ => system.RegisterCustomerAsync(Cancellation))));
        }
        return customers;
    }

    /// <summary>Waits for <paramref name="count"/> .eml files to <paramref name="to"/> in the notifications service's pickup folder.</summary>
    private async Task WaitForEmailsAsync(string to, int count)
    {
        var folder = system.App.GetEnvironmentVariables("notifications")["Email__PickupDirectory"];
        await Eventually.HoldsAsync(
            () => Directory.Exists(folder)
                && Directory.EnumerateFiles(folder, "*.eml").Count(file => File.ReadLines(file).Any(line =>
                    line.StartsWith("To:", StringComparison.OrdinalIgnoreCase) && line.Contains(to, StringComparison.OrdinalIgnoreCase))) >= count,
            Shopping.SagaPatience, $"{count} emails to {to} are in {folder}", Cancellation);
    }
}

public sealed record CartDto(List<CartItemDto> Items, decimal Total);

public sealed record CartItemDto(Guid ProductId, int Quantity);
