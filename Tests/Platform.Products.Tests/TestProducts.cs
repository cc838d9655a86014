using System.Net;
using System.Net.Http.Json;

namespace Platform.Products.Tests;

/// <summary>Products a test creates for itself, in a category of its own, so seeded data and other tests do not interfere.</summary>
internal static class TestProducts
{
    public static string UniqueCategory() => $"Test {Guid.NewGuid():N}";

    public static async Task<ProductDto> CreateAsync(HttpClient admin, string name, decimal price, string category, int stock = 5, string description = "")
    {
        using var response = await admin.PostAsJsonAsync("/api/products", new { name, description, price, category, stock }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProductDto>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<T>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Asserts an RFC 7807 problem document with <paramref name="status"/>; returns it.</summary>
    public static async Task<ProblemDto> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return System.Text.Json.JsonSerializer.Deserialize<ProblemDto>(body, System.Text.Json.JsonSerializerOptions.Web)!;
    }
}
