using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Orders.Carts;
using Platform.Orders.Catalog;
using Platform.Orders.Checkout;
using Platform.Orders.Data;
using Platform.Orders.Ordering;
using Platform.Orders.Payments;

namespace Platform.Orders.Endpoints;

/// <summary><c>POST /api/orders</c>: orders the caller's cart, at most once per <c>Idempotency-Key</c>.</summary>
public static class CheckoutEndpoint
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        CheckoutRequest request, HttpContext http, ClaimsPrincipal user, OrdersDbContext db, OrderStatusChanges orders, CartStore carts,
        ProductsClient products, IPaymentProvider payments, IEventBus events, OrderMetrics metrics, TimeProvider time, ILogger<CheckoutRequest> logger,
        CancellationToken cancellationToken)
    {
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > OrderRules.IdempotencyKeyMaxLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotencyKeyHeader] = [$"The {IdempotencyKeyHeader} header is required: a unique value per order of at most {OrderRules.IdempotencyKeyMaxLength} characters, sent again unchanged on a retry."],
            });
        }
        var now = time.GetUtcNow();
        if (request.Validate(now) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = Caller.From(user).Id;
        var fingerprint = RequestFingerprint.Of(request);
        if (await FindRecordAsync(db, userId, key, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier, fingerprint, http, orders, cancellationToken);
        }

        var cart = await carts.GetAsync(userId);
        if (cart.Count == 0)
        {
            // A concurrent request with this key may have ordered the cart (and emptied it) since the look above.
            return await FindRecordAsync(db, userId, key, cancellationToken) is { } concurrent
                ? await ReplayAsync(concurrent, fingerprint, http, orders, cancellationToken)
                : Problems.Unprocessable(new() { ["cart"] = ["The cart is empty."] }, "Nothing to order");
        }
        var found = await products.FindManyAsync(cart.Select(l => l.ProductId), cancellationToken);
        if (Unavailable(cart, found) is { Count: > 0 } unavailable)
        {
            return Problems.Conflict(unavailable, "Some items are unavailable");
        }

        var card = await payments.TokenizeAsync(request.ToPaymentCard(), cancellationToken);
        var order = Order.Place(userId, request.ToShippingAddress(), card.Token, card.Brand, card.Last4,
            cart.Select(line => new OrderItem
            {
                ProductId = line.ProductId,
                Name = Truncate(found[line.ProductId].Name, OrderRules.ProductNameMaxLength),
                Quantity = line.Quantity,
                UnitPrice = found[line.ProductId].Price,
            }), now);
        db.Orders.Add(order);
        db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = userId, Key = key, Fingerprint = fingerprint, OrderId = order.Id, CreatedAt = now });
        await events.PublishAsync(new OrderPlaced(order.Id, userId,
            order.Items.Select(i => new OrderLine(i.ProductId, i.Quantity, i.UnitPrice)).ToList(), order.Total), cancellationToken);
        try
        {
            // One transaction: the order, its lines and first history entry, the idempotency record and the event.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsIdempotencyKeyTaken(exception))
        {
            // A concurrent request with the same key committed first: answer its order.
            db.ChangeTracker.Clear();
            var winner = await FindRecordAsync(db, userId, key, cancellationToken);
            return await ReplayAsync(winner!, fingerprint, http, orders, cancellationToken);
        }
        metrics.Placed();
        logger.LogInformation("Order {OrderId} placed: {ItemCount} items, {Total}", order.Id, order.Items.Count, order.Total);
        await carts.ClearAsync(userId);
        return TypedResults.Created($"/api/orders/{order.Id}", OrderResponse.From(order));
    }

    private static async Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        IdempotencyRecord record, string fingerprint, HttpContext http, OrderStatusChanges orders, CancellationToken cancellationToken)
    {
        if (record.Fingerprint != fingerprint)
        {
            return Problems.Unprocessable(
                new() { [IdempotencyKeyHeader] = ["This key was used for a different request; use a new key for a new order."] },
                "Idempotency key reused");
        }
        var order = await orders.ReadAsync(record.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Idempotency record {record.Key} names order {record.OrderId}, which does not exist.");
        http.Response.Headers[ReplayedHeader] = "true";
        return TypedResults.Created($"/api/orders/{order.Id}", OrderResponse.From(order));
    }

    private static Task<IdempotencyRecord?> FindRecordAsync(OrdersDbContext db, Guid userId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);

    /// <summary>The cart's lines whose product is gone or short of stock, named by their index in the cart.</summary>
    private static Dictionary<string, string[]> Unavailable(IReadOnlyList<CartLine> cart, IReadOnlyDictionary<Guid, ProductInfo> found)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < cart.Count; i++)
        {
            if (!found.TryGetValue(cart[i].ProductId, out var product))
            {
                errors[$"items[{i}].productId"] = [$"Product {cart[i].ProductId} is no longer sold."];
            }
            else if (product.Stock < cart[i].Quantity)
            {
                errors[$"items[{i}].quantity"] = [$"Only {product.Stock} of {product.Name} in stock."];
            }
        }
        return errors;
    }

    private static bool IsIdempotencyKeyTaken(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OrdersDbContext.IdempotencyKeyName };

    private static string Truncate(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];
}
