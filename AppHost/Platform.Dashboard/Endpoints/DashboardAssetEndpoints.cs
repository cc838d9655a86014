using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.Dashboard.Endpoints;

/// <summary>The stylesheet and script, embedded in the assembly (static web assets do not travel into the AppHost).</summary>
internal static class DashboardAssetEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
    };

    public static void MapDashboardAssets(this IEndpointRouteBuilder app)
    {
        var assets = ContentTypes.ToDictionary(a => a.Key, a => (Content: Read(a.Key), ContentType: a.Value), StringComparer.Ordinal);
        app.MapGet("/_dashboard/{file}", (string file, HttpContext context) =>
        {
            if (!assets.TryGetValue(file, out var asset))
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(asset.Content, asset.ContentType);
        });
    }

    private static byte[] Read(string file)
    {
        using var stream = typeof(DashboardAssetEndpoints).Assembly.GetManifestResourceStream($"Platform.Dashboard.Assets.{file}")
            ?? throw new InvalidOperationException($"The dashboard asset '{file}' is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
