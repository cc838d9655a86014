using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Orders.Data;
using Platform.Orders.Ordering;

namespace Platform.Orders.Endpoints;

public static class OrderEndpoints
{
    /// <summary>A checkout body is an address and a card, well under a few KB; anything far bigger is refused (413).</summary>
    private const long MaxBodyBytes = 16 * 1024;
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders")
            .WithTags("Orders")
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        orders.MapPost("/", CheckoutEndpoint.PlaceOrder).AddEndpointFilter<ProductsUnavailableFilter>()
            .WithDescription("Orders the caller's cart. Requires an Idempotency-Key header; a retry with the same key and body answers the same order.");
        orders.MapGet("/", ListOrders);
        orders.MapGet("/{id:guid}", GetOrder);
        orders.MapPost("/{id:guid}/cancel", CancelOrder);
        return app;
    }

    private static async Task<Results<Ok<OrderPage>, ValidationProblem>> ListOrders(
        ClaimsPrincipal user, OrdersDbContext db, CancellationToken cancellationToken, int? page = null, int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["The page starts at 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size is from 1 to {MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (number, size) = (page ?? 1, pageSize ?? 20);
        var userId = Caller.From(user).Id;
        var own = db.Orders.Where(o => o.UserId == userId);
        var total = await own.CountAsync(cancellationToken);
        var orders = await own.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip((number - 1) * size).Take(size)
            .Include(o => o.Items).Include(o => o.History).AsSplitQuery().AsNoTracking()
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new OrderPage(orders.Select(OrderResponse.From).ToList(), number, size, total));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(
        Guid id, ClaimsPrincipal user, OrderStatusChanges orders, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        return await orders.ReadAsync(id, cancellationToken) is { } order && (order.UserId == caller.Id || caller.IsAdmin)
            ? TypedResults.Ok(OrderResponse.From(order))
            : Problems.OrderNotFound(id);
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CancelOrder(
        Guid id, ClaimsPrincipal user, OrdersDbContext db, OrderStatusChanges orders, CancellationToken cancellationToken)
    {
        var userId = Caller.From(user).Id;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            // Waits for the saga if it is charging this order right now, then sees the outcome.
            if (await orders.LockAsync(id, token) is not { } order || order.UserId != userId)
            {
                return (Results<Ok<OrderResponse>, ProblemHttpResult>)Problems.OrderNotFound(id);
            }
            if (!await orders.CancelAsync(order, CancelReason.Customer, "Cancelled by customer", token))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order cannot be cancelled",
                    detail: $"The order is already {order.Status}.");
            }
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return TypedResults.Ok(OrderResponse.From(order));
        }, cancellationToken);
    }
}
