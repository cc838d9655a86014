namespace Platform.Storefront.Gateway;

// The JSON shapes of the gateway's API (camelCase on the wire), as far as the shop reads them.

public sealed record Product(Guid Id, string Name, string Description, decimal Price, string Category, int Stock, string ImageUrl);

public sealed record ProductPage(IReadOnlyList<Product> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record Category(string Name, int ProductCount);

public sealed record ProductInput(string Name, string Description, decimal? Price, string Category, int? Stock);

public sealed record LoginToken(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record UserAccount(Guid Id, string Username, string Email);

public sealed record CartItem(Guid ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal, string ImageUrl, bool Available);

public sealed record Cart(IReadOnlyList<CartItem> Items, decimal Total)
{
    public int Count => Items.Sum(i => i.Quantity);
}

public sealed record ShippingAddress(string Name, string Line1, string? Line2, string City, string PostalCode, string Country);

public sealed record PaymentCard(string CardNumber, string Expiry, string Cvc);

public sealed record CheckoutInput(ShippingAddress ShippingAddress, PaymentCard Payment);

public sealed record OrderLine(Guid ProductId, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record StatusChange(string Status, DateTimeOffset At, string? Reason);

public sealed record PaymentSummary(string Brand, string Last4);

public sealed record Order(
    Guid Id, string Status, DateTimeOffset CreatedAt, IReadOnlyList<OrderLine> Lines, decimal Total,
    ShippingAddress ShippingAddress, PaymentSummary Payment, IReadOnlyList<StatusChange> History)
{
    /// <summary>Why the order was cancelled, from its last history entry.</summary>
    public string? Reason => Status == "Cancelled" ? History.LastOrDefault()?.Reason : null;
}

public sealed record OrderPage(IReadOnlyList<Order> Items, int Page, int PageSize, int Total);

public sealed record Notification(Guid Id, string Kind, string Title, string Body, Guid? OrderId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Unread, int Page, int PageSize, int Total);

/// <summary>The query of the catalog, as the home page's URL carries it.</summary>
public sealed record CatalogQuery(string? Search, string? Category, string Sort, int Page, int PageSize);
