using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Orders.Tests;

/// <summary>The calls tests make again and again: products of their own, carts, checkouts, and reading answers.</summary>
internal static class TestApi
{
    public const string GoodCard = "4242424242424242";
    public const string DeclinedCard = "4000000000000002";
    public const string InsufficientFundsCard = "4000000000009995";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static string FutureExpiry => $"12/{(DateTime.UtcNow.Year + 3) % 100:00}";

    public static async Task<ProductDto> CreateProductAsync(this OrdersFixture fixture, string name, decimal price, int stock)
    {
        var admin = fixture.ProductsClient(fixture.Tokens.Admin());
        using var response = await admin.PostAsJsonAsync("/api/products",
            new { name, description = "", price, category = $"Orders test {Guid.NewGuid():N}", stock },
            Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProductDto>(Cancellation))!;
    }

    public static async Task<CartDto> PutCartAsync(this Customer customer, params (Guid ProductId, int Quantity)[] items)
    {
        using var response = await customer.Http.PutAsJsonAsync("/api/cart",
            new { items = items.Select(i => new { productId = i.ProductId, quantity = i.Quantity }) }, Cancellation);
        return await ReadAsync<CartDto>(response, HttpStatusCode.OK);
    }

    public static object Checkout(string card = GoodCard, string city = "Springfield", string? expiry = null, string cvc = "123") => new
    {
        shippingAddress = new { name = "Ada Lovelace", line1 = "1 Analytical Way", line2 = "Flat 2", city, postalCode = "AB1 2CD", country = "GB" },
        payment = new { cardNumber = card, expiry = expiry ?? FutureExpiry, cvc },
    };

    public static Task<HttpResponseMessage> PostCheckoutAsync(this HttpClient client, string? idempotencyKey, object body) =>
        client.SendAsync(CheckoutRequest(idempotencyKey, JsonContent.Create(body)), Cancellation);

    public static Task<HttpResponseMessage> PostCheckoutJsonAsync(this HttpClient client, string? idempotencyKey, string json) =>
        client.SendAsync(CheckoutRequest(idempotencyKey, Json(json)), Cancellation);

    /// <summary>Fills the cart with the products and checks out; returns the new order.</summary>
    public static async Task<OrderDto> PlaceOrderAsync(this Customer customer, string card, params (Guid ProductId, int Quantity)[] items)
    {
        await customer.PutCartAsync(items);
        using var response = await customer.Http.PostCheckoutAsync(Guid.NewGuid().ToString(), Checkout(card));
        return await ReadAsync<OrderDto>(response, HttpStatusCode.Created);
    }

    public static async Task<OrderDto> GetOrderAsync(this HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/orders/{id}", Cancellation);
        return await ReadAsync<OrderDto>(response, HttpStatusCode.OK);
    }

    /// <summary>Polls the order until it reaches <paramref name="status"/>; returns it then.</summary>
    public static async Task<OrderDto> WaitForStatusAsync(this HttpClient client, Guid id, string status)
    {
        OrderDto? order = null;
        try
        {
            await Eventually.HoldsAsync(async () => (order = await client.GetOrderAsync(id)).Status == status,
                Patience, $"order {id} is {status}", Cancellation);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} Last seen: {order?.Status}, {order?.History.LastOrDefault()?.Reason}.", timeout);
        }
        return order!;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
    }

    /// <summary>Asserts an RFC 7807 problem document with <paramref name="status"/>; returns it.</summary>
    public static async Task<ProblemDto> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<ProblemDto>(body, JsonSerializerOptions.Web)!;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage CheckoutRequest(string? idempotencyKey, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return request;
    }
}
