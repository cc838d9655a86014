namespace Platform.Storefront.Endpoints;

/// <summary>The stylesheet and the script, embedded in the assembly and served from memory.</summary>
public static class AssetEndpoints
{
    public const string Prefix = "/_shop";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["shop.css"] = "text/css; charset=utf-8",
        ["shop.js"] = "text/javascript; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapShopAssets(this IEndpointRouteBuilder app)
    {
        var assets = ContentTypes.ToDictionary(a => a.Key, a => (Content: Read(a.Key), ContentType: a.Value), StringComparer.Ordinal);
        app.MapGet(Prefix + "/{file}", (string file, HttpContext context) =>
        {
            if (!assets.TryGetValue(file, out var asset))
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(asset.Content, asset.ContentType);
        });
        return app;
    }

    private static byte[] Read(string file)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream($"Platform.Storefront.Assets.{file}")
            ?? throw new InvalidOperationException($"The asset '{file}' is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
