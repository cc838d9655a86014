namespace Platform.Products.Data;

/// <summary>The limits a product's fields must keep, shared by the schema and the request validation.</summary>
public static class ProductRules
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int CategoryMaxLength = 100;
    public const decimal MaxPrice = 1_000_000m;
}
