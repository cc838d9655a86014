namespace Platform.Products.Data;

/// <summary>
/// Generates the starting catalog: 25 products in each of 8 categories, from a fixed seed, so every database
/// starts with the same ids, names, prices and stock.
/// </summary>
public static class CatalogSeed
{
    public const int ProductsPerCategory = 25;
    private const int Seed = 20261121;
    private static readonly DateTimeOffset FirstCreatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record CategoryTemplate(string Name, decimal MinPrice, decimal MaxPrice, string[] Adjectives, string[] Nouns);

    private static readonly CategoryTemplate[] Categories =
    [
        new("Electronics", 9m, 1500m, ["Wireless", "Smart", "Portable", "Compact", "Ultra", "Pro", "Noise-Cancelling", "Rechargeable"],
            ["Headphones", "Speaker", "Charger", "Keyboard", "Monitor", "Webcam", "Tablet", "Smartwatch"]),
        new("Books", 5m, 80m, ["Complete", "Illustrated", "Pocket", "Modern", "Essential", "Practical", "Classic", "Annotated"],
            ["Cookbook", "Novel", "Field Guide", "Atlas", "Poetry Collection", "History", "Handbook", "Biography"]),
        new("Home & Kitchen", 6m, 600m, ["Stainless", "Ceramic", "Non-Stick", "Bamboo", "Cast Iron", "Glass", "Nordic", "Rustic"],
            ["Frying Pan", "Kettle", "Knife Set", "Cutting Board", "Teapot", "Mixing Bowl", "Coffee Grinder", "Dinner Plate Set"]),
        new("Sports & Outdoors", 8m, 900m, ["Lightweight", "Waterproof", "Trail", "Alpine", "Insulated", "Folding", "Carbon", "All-Weather"],
            ["Backpack", "Tent", "Sleeping Bag", "Water Bottle", "Trekking Poles", "Headlamp", "Yoga Mat", "Bike Helmet"]),
        new("Toys & Games", 4m, 250m, ["Wooden", "Magnetic", "Giant", "Classic", "Educational", "Glow-in-the-Dark", "Cooperative", "Deluxe"],
            ["Puzzle", "Board Game", "Building Blocks", "Train Set", "Card Game", "Kite", "Robot Kit", "Marble Run"]),
        new("Clothing", 7m, 350m, ["Organic Cotton", "Merino", "Slim-Fit", "Linen", "Fleece", "Denim", "Recycled", "Quilted"],
            ["T-Shirt", "Sweater", "Jacket", "Shirt", "Scarf", "Socks", "Hoodie", "Trousers"]),
        new("Beauty", 3m, 150m, ["Hydrating", "Gentle", "Vitamin C", "Unscented", "Herbal", "Overnight", "Mineral", "Soothing"],
            ["Face Cream", "Cleanser", "Serum", "Lip Balm", "Shampoo", "Body Lotion", "Sunscreen", "Hand Soap"]),
        new("Garden", 5m, 700m, ["Heavy-Duty", "Solar", "Raised", "Self-Watering", "Galvanised", "Ergonomic", "Expandable", "Terracotta"],
            ["Planter", "Hose", "Pruning Shears", "Garden Lamp", "Watering Can", "Compost Bin", "Bird Feeder", "Trowel"]),
    ];

    public static IReadOnlyList<string> CategoryNames { get; } = Categories.Select(c => c.Name).ToArray();

    public static IReadOnlyList<Product> Generate()
    {
        // Random with a seed uses a fixed algorithm that .NET keeps stable across versions for exactly this use.
        var random = new Random(Seed);
        var products = new List<Product>(Categories.Length * ProductsPerCategory);
        foreach (var category in Categories)
        {
            var names = category.Adjectives
                .SelectMany(adjective => category.Nouns, (adjective, noun) => $"{adjective} {noun}")
                .OrderBy(_ => random.Next())
                .Take(ProductsPerCategory);
            foreach (var name in names)
            {
                var createdAt = FirstCreatedAt.AddHours(products.Count);
                products.Add(new Product
                {
                    Id = NextGuid(random),
                    Name = name,
                    Description = $"{name} from our {category.Name.ToLowerInvariant()} range. {Blurbs[random.Next(Blurbs.Length)]}",
                    Price = NextPrice(random, category.MinPrice, category.MaxPrice),
                    Category = category.Name,
                    Stock = random.Next(0, 151),
                    CreatedAt = createdAt,
                    UpdatedAt = createdAt,
                });
            }
        }
        return products;
    }

    private static readonly string[] Blurbs =
    [
        "Built to last and easy to care for.",
        "A customer favourite, reviewed five stars again and again.",
        "Thoughtfully designed for everyday use.",
        "Makes a great gift.",
        "Sustainably sourced materials.",
        "Backed by a two-year warranty.",
    ];

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A price in the range ending in .99 or .49, as shops price things.</summary>
    private static decimal NextPrice(Random random, decimal min, decimal max)
    {
        var whole = (int)min + random.Next((int)(max - min));
        return whole + (random.Next(2) == 0 ? 0.99m : 0.49m);
    }
}
