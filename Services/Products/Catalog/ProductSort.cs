namespace Platform.Products.Catalog;

/// <summary>The orders a product list can be sorted in, by their query-string value.</summary>
public static class ProductSort
{
    public const string Name = "name";
    public const string NameDescending = "-name";
    public const string Price = "price";
    public const string PriceDescending = "-price";
    public const string Newest = "newest";

    public const string Default = Name;

    public static readonly IReadOnlyList<string> All = [Name, NameDescending, Price, PriceDescending, Newest];
}
