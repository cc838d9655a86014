using System.Globalization;

namespace Platform.Storefront.Components.Shared;

/// <summary>How the shop writes money, dates and short ids.</summary>
public static class Format
{
    public static string Money(decimal amount) => "$" + amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"#ABA9E150": the order's number as the notifications and emails write it (the id's last 8 hex digits).</summary>
    public static string OrderNumber(Guid id) => "#" + id.ToString("N")[^8..].ToUpperInvariant();

    /// <summary>"In stock", "Only N left" (fewer than 10), or "Out of stock".</summary>
    public static string Stock(int stock) => stock switch
    {
        <= 0 => "Out of stock",
        < 10 => $"Only {stock} left",
        _ => "In stock",
    };

    public static string StockClass(int stock) => stock switch
    {
        <= 0 => "stock-out",
        < 10 => "stock-low",
        _ => "stock-in",
    };

    /// <summary>A local URL (one path on this site) or "/": never a redirect to another site.</summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
