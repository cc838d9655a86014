using Platform.Storefront.Gateway;

namespace Platform.Storefront.Endpoints;

/// <summary>
/// The JSON the pages' small script polls: an order's status (the order page updates without a reload) and the
/// unread count (the header's badge). Signed-in users only; 401 otherwise.
/// </summary>
public static class LiveEndpoints
{
    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        var live = app.MapGroup("/live").RequireAuthorization();
        live.MapGet("/orders/{id:guid}", async (Guid id, GatewayClient gateway, HttpContext context) =>
        {
            var order = await gateway.GetOrderAsync(id, context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new LiveOrderStatus(order.Status, order.Reason,
                order.History.Select(h => new LiveStatusChange(h.Status, h.At, h.Reason)).ToList()));
        });
        live.MapGet("/unread", async (GatewayClient gateway, HttpContext context) =>
        {
            var notifications = await gateway.GetNotificationsAsync(page: 1, pageSize: 1, context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new LiveUnread(notifications.Unread));
        });
        return app;
    }

    public sealed record LiveOrderStatus(string Status, string? Reason, IReadOnlyList<LiveStatusChange> History);

    public sealed record LiveStatusChange(string Status, DateTimeOffset At, string? Reason);

    public sealed record LiveUnread(int Unread);
}
