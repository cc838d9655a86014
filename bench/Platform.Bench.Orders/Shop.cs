using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Platform.Bench.Orders;

/// <summary>The few gateway calls the benchmark makes, as a customer or the admin would.</summary>
internal sealed class Shop(Func<HttpClient> createGatewayClient)
{
    public const string AcceptedCard = "4242424242424242";

    public async Task<HttpClient> LoginAsync(string email, string password)
    {
        var client = createGatewayClient();
        using var response = await client.PostAsJsonAsync("/api/users/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<Token>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public async Task<HttpClient> RegisterAsync(string name)
    {
        var email = $"{name}@bench.example";
        using var anonymous = createGatewayClient();
        using var response = await anonymous.PostAsJsonAsync("/api/users", new { username = name, email, password = "Bench-Passw0rd" });
        response.EnsureSuccessStatusCode();
        return await LoginAsync(email, "Bench-Passw0rd");
    }

    public static async Task<Guid> CreateProductAsync(HttpClient admin, int stock)
    {
        using var response = await admin.PostAsJsonAsync("/api/products",
            new { name = $"Bench item {Guid.NewGuid():N}", description = "Made for the benchmark.", price = 9.99m, category = "Benchmark", stock });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    public static async Task PutInCartAsync(HttpClient customer, Guid productId)
    {
        using var response = await customer.PutAsJsonAsync($"/api/cart/items/{productId}", new { quantity = 1 });
        response.EnsureSuccessStatusCode();
    }

    public static async Task<Guid> CheckoutAsync(HttpClient customer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                shippingAddress = new { name = "Bench Customer", line1 = "1 Load Street", city = "Testville", postalCode = "12345", country = "DE" },
                payment = new { cardNumber = AcceptedCard, expiry = "12/30", cvc = "123" },
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await customer.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    public static async Task<Order> GetOrderAsync(HttpClient customer, Guid id) =>
        (await customer.GetFromJsonAsync<Order>($"/api/orders/{id}"))!;

    public static async Task<List<Notification>> GetNotificationsAsync(HttpClient customer) =>
        (await customer.GetFromJsonAsync<NotificationPage>("/api/notifications?pageSize=100"))!.Items;
}

internal sealed record Token(string AccessToken);

internal sealed record Created(Guid Id);

internal sealed record Order(Guid Id, string Status, List<StatusChange> History);

internal sealed record StatusChange(string Status, DateTimeOffset At);

internal sealed record Notification(string Kind, Guid? OrderId, DateTimeOffset CreatedAt);

internal sealed record NotificationPage(List<Notification> Items);
