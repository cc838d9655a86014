namespace Platform.Products.Tests;

public sealed record ProductDto(Guid Id, string Name, string Description, decimal Price, string Category, int Stock, string ImageUrl);

public sealed record ProductPageDto(List<ProductDto> Items, int Page, int PageSize, int Total);

public sealed record CategoryDto(string Name, int ProductCount);

public sealed record ProblemDto(int Status, string? Title, Dictionary<string, string[]>? Errors);
