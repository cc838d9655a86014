using System.Net;
using System.Net.Http.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Platform.Orders.Catalog;

/// <summary>A product as the products service answers <c>GET /api/products/{id}</c>.</summary>
public sealed record ProductInfo(Guid Id, string Name, string Description, decimal Price, string Category, int Stock, string ImageUrl);

/// <summary>The products service could not be asked (down, failing or too slow).</summary>
public sealed class ProductsUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads products from the products service, through service discovery and the standard resilience handler.</summary>
public sealed class ProductsClient(HttpClient http)
{
    public const string BaseAddress = "https+http://products";

    /// <summary>The product, or null if there is none with that id.</summary>
    public async Task<ProductInfo?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"/api/products/{id}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new ProductsUnavailableException($"The products service answered {(int)response.StatusCode}.");
            }
            return await response.Content.ReadFromJsonAsync<ProductInfo>(cancellationToken)
                ?? throw new ProductsUnavailableException("The products service answered an empty body.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                              || exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ProductsUnavailableException("The products service cannot be reached.", exception);
        }
    }

    /// <summary>Every product of <paramref name="ids"/> that exists, asked in parallel.</summary>
    public async Task<IReadOnlyDictionary<Guid, ProductInfo>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var products = await Task.WhenAll(ids.Distinct().Select(id => FindAsync(id, cancellationToken)));
        return products.OfType<ProductInfo>().ToDictionary(p => p.Id);
    }
}
