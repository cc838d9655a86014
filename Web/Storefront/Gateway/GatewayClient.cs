using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Storefront.Gateway;

/// <summary>
/// The shop's only way out: the gateway's REST API at <c>http://gateway</c> (service discovery). The session's
/// access token and the browser's address are added by <see cref="GatewayRequestHandler"/>. Reads throw
/// <see cref="NotFoundException"/>, <see cref="SessionExpiredException"/> or <see cref="ShopUnavailableException"/>;
/// commands answer an <see cref="ApiResult{T}"/> carrying the API's field errors.
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Catalog

    public Task<ProductPage> GetProductsAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["search"] = query.Search,
            ["category"] = query.Category,
            ["sort"] = query.Sort,
            ["page"] = query.Page.ToString(CultureInfo.InvariantCulture),
            ["pageSize"] = query.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        var queryString = QueryString.Create(parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
        return GetAsync<ProductPage>("/api/products" + queryString.ToUriComponent(), cancellationToken);
    }

    public Task<Product> GetProductAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<Product>($"/api/products/{id}", cancellationToken);

    public Task<IReadOnlyList<Category>> GetCategoriesAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<Category>>("/api/categories", cancellationToken);

    /// <summary>The product's image as the gateway answers it, for the storefront to pass on.</summary>
    public Task<HttpResponseMessage> GetProductImageAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/products/{id}/image"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public Task<ApiResult<Product>> CreateProductAsync(ProductInput product, CancellationToken cancellationToken) =>
        CommandAsync<Product>(HttpMethod.Post, "/api/products", product, cancellationToken);

    public Task<ApiResult<Product>> UpdateProductAsync(Guid id, ProductInput product, CancellationToken cancellationToken) =>
        CommandAsync<Product>(HttpMethod.Put, $"/api/products/{id}", product, cancellationToken);

    public Task<ApiResult<bool>> DeleteProductAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync<bool>(HttpMethod.Delete, $"/api/products/{id}", null, cancellationToken);

    // Accounts

    public Task<ApiResult<UserAccount>> RegisterAsync(string username, string email, string password, CancellationToken cancellationToken) =>
        CommandAsync<UserAccount>(HttpMethod.Post, "/api/users", new { username, email, password }, cancellationToken);

    public Task<ApiResult<LoginToken>> LoginAsync(string email, string password, CancellationToken cancellationToken) =>
        CommandAsync<LoginToken>(HttpMethod.Post, "/api/users/login", new { email, password }, cancellationToken);

    public Task<UserAccount> GetMeAsync(CancellationToken cancellationToken) => GetAsync<UserAccount>("/api/users/me", cancellationToken);

    public Task<ApiResult<UserAccount>> UpdateAccountAsync(Guid id, string username, string email, CancellationToken cancellationToken) =>
        CommandAsync<UserAccount>(HttpMethod.Put, $"/api/users/{id}", new { username, email }, cancellationToken);

    public Task<ApiResult<bool>> DeleteAccountAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync<bool>(HttpMethod.Delete, $"/api/users/{id}", null, cancellationToken);

    // Cart and orders

    public Task<Cart> GetCartAsync(CancellationToken cancellationToken) => GetAsync<Cart>("/api/cart", cancellationToken);

    /// <summary>Sets a line's quantity; 0 removes it.</summary>
    public Task<ApiResult<Cart>> SetCartItemAsync(Guid productId, int quantity, CancellationToken cancellationToken) =>
        CommandAsync<Cart>(HttpMethod.Put, $"/api/cart/items/{productId}", new { quantity }, cancellationToken);

    /// <summary>Orders the cart, once per <paramref name="idempotencyKey"/>: a repeated key answers the same order.</summary>
    public Task<ApiResult<Order>> PlaceOrderAsync(string idempotencyKey, CheckoutInput checkout, CancellationToken cancellationToken) =>
        CommandAsync<Order>(HttpMethod.Post, "/api/orders", checkout, cancellationToken,
            request => request.Headers.Add("Idempotency-Key", idempotencyKey));

    public Task<OrderPage> GetOrdersAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        GetAsync<OrderPage>(string.Create(CultureInfo.InvariantCulture, $"/api/orders?page={page}&pageSize={pageSize}"), cancellationToken);

    public Task<Order> GetOrderAsync(Guid id, CancellationToken cancellationToken) => GetAsync<Order>($"/api/orders/{id}", cancellationToken);

    // Notifications

    public Task<NotificationPage> GetNotificationsAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        GetAsync<NotificationPage>(string.Create(CultureInfo.InvariantCulture, $"/api/notifications?page={page}&pageSize={pageSize}"), cancellationToken);

    public Task<ApiResult<bool>> MarkReadAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync<bool>(HttpMethod.Post, $"/api/notifications/{id}/read", null, cancellationToken);

    public Task<ApiResult<bool>> MarkAllReadAsync(CancellationToken cancellationToken) =>
        CommandAsync<bool>(HttpMethod.Post, "/api/notifications/read-all", null, cancellationToken);

    // Plumbing

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new NotFoundException($"GET {path} answered 404.");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new ShopUnavailableException($"GET {path} answered {(int)response.StatusCode}.");
        }
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ShopUnavailableException($"GET {path} answered an empty body.");
    }

    private async Task<ApiResult<T>> CommandAsync<T>(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), new MediaTypeHeaderValue("application/json"), Json);
        }
        configure?.Invoke(request);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return await ProblemDocument.ReadAsync<T>(response, cancellationToken);
        }
        if (typeof(T) == typeof(bool))
        {
            return ApiResult<T>.Success((T)(object)true);
        }
        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        return value is null ? throw new ShopUnavailableException($"{method} {path} answered an empty body.") : ApiResult<T>.Success(value);
    }

    /// <summary>Sends; a gateway that cannot be reached, times out or fails (5xx) makes the shop unavailable.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using (request)
        {
            var what = $"{request.Method} {request.RequestUri}";
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, completion, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or Polly.ExecutionRejectedException or TimeoutException
                || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new ShopUnavailableException($"{what} failed: {exception.Message}", exception);
            }
            if ((int)response.StatusCode >= 500 || (response.StatusCode == HttpStatusCode.TooManyRequests && request.Method == HttpMethod.Get))
            {
                response.Dispose();
                throw new ShopUnavailableException($"{what} answered {(int)response.StatusCode}.");
            }
            // The session's token (added by GatewayRequestHandler) was refused: expired, revoked, or the user is gone.
            if (response.StatusCode == HttpStatusCode.Unauthorized && request.Headers.Authorization is not null)
            {
                response.Dispose();
                throw new SessionExpiredException();
            }
            return response;
        }
    }
}
