using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Products.Catalog;

/// <summary>
/// The query string of <c>GET /api/products</c>, taken as text so that every malformed value is answered with a
/// validation problem naming the parameter rather than a bare 400.
/// </summary>
public sealed record ProductListQuery(
    [property: FromQuery(Name = "search")] string? Search,
    [property: FromQuery(Name = "category")] string? Category,
    [property: FromQuery(Name = "minPrice")] string? MinPrice,
    [property: FromQuery(Name = "maxPrice")] string? MaxPrice,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "pageSize")] string? PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    private const int MaxSearchLength = 200;

    public ProductSearch? Validate(out Dictionary<string, string[]> errors)
    {
        errors = [];
        var search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        if (search?.Length > MaxSearchLength)
        {
            errors["search"] = [$"The search text must be at most {MaxSearchLength} characters."];
        }
        var category = string.IsNullOrWhiteSpace(Category) ? null : Category.Trim();
        var minPrice = ParsePrice(MinPrice, "minPrice", errors);
        var maxPrice = ParsePrice(MaxPrice, "maxPrice", errors);
        if (minPrice > maxPrice)
        {
            errors["minPrice"] = ["minPrice must not be greater than maxPrice."];
        }
        var sort = string.IsNullOrWhiteSpace(Sort) ? ProductSort.Default : Sort.Trim().ToLowerInvariant();
        if (!ProductSort.All.Contains(sort))
        {
            errors["sort"] = [$"Unknown sort '{Sort}'; use one of: {string.Join(", ", ProductSort.All)}."];
        }
        var page = ParseInt(Page, "page", 1, int.MaxValue, 1, errors);
        var pageSize = ParseInt(PageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, errors);
        return errors.Count > 0 ? null : new ProductSearch(search, category, minPrice, maxPrice, sort, page, pageSize);
    }

    private static decimal? ParsePrice(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price >= 0)
        {
            return price;
        }
        errors[name] = [$"{name} must be a non-negative number."];
        return null;
    }

    private static int ParseInt(string? text, string name, int min, int max, int defaultValue, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors[name] = [$"{name} must be a whole number from {min} to {max}."];
        return defaultValue;
    }
}

/// <summary>A validated product list query; also the identity of its cached result.</summary>
public sealed record ProductSearch(string? Search, string? Category, decimal? MinPrice, decimal? MaxPrice, string Sort, int Page, int PageSize)
{
    public string CacheKey => string.Create(CultureInfo.InvariantCulture,
        $"list:{Uri.EscapeDataString(Search ?? "")}:{Uri.EscapeDataString(Category ?? "")}:{MinPrice}:{MaxPrice}:{Sort}:{Page}:{PageSize}");
}
