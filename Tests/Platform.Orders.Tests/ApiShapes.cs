namespace Platform.Orders.Tests;

public sealed record ProductDto(Guid Id, string Name, decimal Price, int Stock, string ImageUrl);

public sealed record CartItemDto(Guid ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal, string ImageUrl, bool Available);

public sealed record CartDto(List<CartItemDto> Items, decimal Total);

public sealed record OrderLineDto(Guid ProductId, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record AddressDto(string Name, string Line1, string? Line2, string City, string PostalCode, string Country);

public sealed record PaymentDto(string Brand, string Last4);

public sealed record HistoryDto(string Status, DateTimeOffset At, string? Reason);

public sealed record OrderDto(
    Guid Id, Guid UserId, string Status, DateTimeOffset CreatedAt, List<OrderLineDto> Lines, decimal Total,
    AddressDto ShippingAddress, PaymentDto Payment, List<HistoryDto> History);

public sealed record OrderPageDto(List<OrderDto> Items, int Page, int PageSize, int Total);

public sealed record ProblemDto(int Status, string? Title, Dictionary<string, string[]>? Errors);
