using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>What a shopper and the shop's admin do through the gateway, for the order tests.</summary>
internal static class Shopping
{
    public const string AcceptedCard = "4242424242424242";
    public const string DeclinedCard = "4000000000000002";
    public static readonly TimeSpan SagaPatience = TimeSpan.FromMinutes(2);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static Task<ProductDto> CreateProductAsync(this SystemFixture system, decimal price, int stock) =>
        system.CreateProductAsync($"Order test {Guid.NewGuid():N}", "End to end", price, stock);

    /// <summary>A product created by the admin through the gateway.</summary>
    public static async Task<ProductDto> CreateProductAsync(this SystemFixture system, string name, string category, decimal price, int stock = 20)
    {
        using var admin = system.CreateGatewayClient(await system.LoginAsync(SystemFixture.AdminEmail, SystemFixture.AdminPassword, Cancellation));
        using var response = await admin.PostAsJsonAsync("/api/products",
            new { name, description = $"{name}, made by an end-to-end test.", price, category, stock }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProductDto>(Cancellation))!;
    }

    public static async Task<int> StockAsync(this SystemFixture system, JsonElement productId)
    {
        using var client = system.CreateGatewayClient();
        return (await client.GetFromJsonAsync<ProductDto>($"/api/products/{productId}", Cancellation))!.Stock;
    }

    public static async Task PutInCartAsync(this HttpClient customer, JsonElement productId, int quantity = 1)
    {
        using var response = await customer.PutAsJsonAsync($"/api/cart/items/{productId}", new { quantity }, Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"PUT cart item answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
    }

    public static Task<HttpResponseMessage> CheckoutAsync(this HttpClient customer, string idempotencyKey, string card = AcceptedCard) =>
        customer.SendAsync(CheckoutRequest(idempotencyKey, card), Cancellation);

    public static HttpRequestMessage CheckoutRequest(string idempotencyKey, string card = AcceptedCard)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                shippingAddress = new { name = "Ada Lovelace", line1 = "12 Analytical Row", city = "London", postalCode = "N1 9GU", country = "GB" },
                payment = new { cardNumber = card, expiry = "12/30", cvc = "123" },
            }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    /// <summary>Puts <paramref name="productId"/> in the cart and orders it; asserts the 201 and returns the order.</summary>
    public static async Task<OrderDto> OrderAsync(this HttpClient customer, JsonElement productId, int quantity = 1, string card = AcceptedCard)
    {
        await customer.PutInCartAsync(productId, quantity);
        using var response = await customer.CheckoutAsync(Guid.NewGuid().ToString(), card);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"checkout answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        return (await response.Content.ReadFromJsonAsync<OrderDto>(Cancellation))!;
    }

    public static async Task<OrderDto> GetOrderAsync(this HttpClient customer, Guid orderId) =>
        (await customer.GetFromJsonAsync<OrderDto>($"/api/orders/{orderId}", Cancellation))!;

    /// <summary>Polls the order until it is Confirmed or Cancelled.</summary>
    public static async Task<OrderDto> WaitUntilFinalAsync(this HttpClient customer, Guid orderId)
    {
        var deadline = DateTime.UtcNow + SagaPatience;
        while (true)
        {
            using var response = await customer.GetAsync($"/api/orders/{orderId}", Cancellation);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<OrderDto>(Cancellation) is { IsFinal: true } order)
            {
                return order;
            }
            Assert.True(DateTime.UtcNow < deadline, $"order {orderId} is not final after {SagaPatience}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
            await Task.Delay(250, Cancellation);
        }
    }

    public static async Task<NotificationPage> NotificationsAsync(this HttpClient customer) =>
        (await customer.GetFromJsonAsync<NotificationPage>("/api/notifications?pageSize=100", Cancellation))!;

    /// <summary>Polls the customer's notifications until one satisfies <paramref name="match"/>.</summary>
    public static async Task<NotificationDto> WaitForNotificationAsync(this HttpClient customer, Func<NotificationDto, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + SagaPatience;
        while (true)
        {
            if ((await customer.NotificationsAsync()).Items.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no notification {what} after {SagaPatience}");
            await Task.Delay(250, Cancellation);
        }
    }
}

public sealed record OrderDto(Guid Id, string Status, List<OrderLineDto> Lines, decimal Total, List<StatusChangeDto> History)
{
    public bool IsFinal => Status is "Confirmed" or "Cancelled";
}

public sealed record OrderLineDto(Guid ProductId, int Quantity, decimal UnitPrice);

public sealed record StatusChangeDto(string Status, DateTimeOffset At, string? Reason);

public sealed record OrderPage(List<OrderDto> Items, int Total);

public sealed record NotificationDto(Guid Id, string Kind, string Title, string Body, Guid? OrderId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationPage(List<NotificationDto> Items, int Unread);
