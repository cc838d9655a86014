using System.Security;
using Platform.Products.Data;

namespace Platform.Products.Catalog;

/// <summary>A generated product picture: a card in the category's colour with the product's initials.</summary>
public static class ProductImage
{
    public const string ContentType = "image/svg+xml";

    private static readonly string[] Palette = ["#2563eb", "#7c3aed", "#db2777", "#ea580c", "#16a34a", "#0891b2", "#ca8a04", "#4b5563"];

    public static string Render(ProductItem product)
    {
        var colour = ColourOf(product.Category);
        var initials = string.Concat(product.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300" role="img" aria-label="{Escape(product.Name)}">
              <rect width="400" height="300" rx="24" fill="{colour}"/>
              <text x="200" y="165" font-family="sans-serif" font-size="96" font-weight="bold" fill="#ffffff" text-anchor="middle">{Escape(initials)}</text>
              <text x="200" y="255" font-family="sans-serif" font-size="22" fill="#ffffff" fill-opacity="0.85" text-anchor="middle">{Escape(product.Category)}</text>
            </svg>
            """;
    }

    /// <summary>The seeded categories keep their place in the palette; others get a stable one by their name.</summary>
    private static string ColourOf(string category)
    {
        var index = CatalogSeed.CategoryNames.ToList().IndexOf(category);
        if (index < 0)
        {
            index = (int)((uint)category.Aggregate(17, (hash, c) => unchecked(hash * 31 + c)) % (uint)Palette.Length);
        }
        return Palette[index % Palette.Length];
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
