namespace Platform.Products.Data;

public sealed class Product
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public decimal Price { get; set; }
    public required string Category { get; set; }

    /// <summary>Units on the shelf; a CHECK constraint keeps it from going negative.</summary>
    public int Stock { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
