using Platform.Storefront.Gateway;

namespace Platform.Storefront.Endpoints;

/// <summary>
/// Product images at the very path the products API names in <c>imageUrl</c>, passed through from the gateway,
/// so the browser never needs the gateway's address.
/// </summary>
public static class ProductImageEndpoint
{
    public static IEndpointRouteBuilder MapProductImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products/{id:guid}/image", async (Guid id, GatewayClient gateway, HttpContext context) =>
        {
            using var image = await gateway.GetProductImageAsync(id, context.RequestAborted);
            context.Response.StatusCode = (int)image.StatusCode;
            if (!image.IsSuccessStatusCode)
            {
                return;
            }
            context.Response.ContentType = image.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            context.Response.Headers.CacheControl = image.Headers.CacheControl?.ToString() ?? "public, max-age=300";
            await image.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        return app;
    }
}
