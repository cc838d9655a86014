using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Orders.Carts;
using Platform.Orders.Catalog;

namespace Platform.Orders.Endpoints;

public static class CartEndpoints
{
    /// <summary>50 lines of ids and quantities fit in a few KB; anything far bigger is refused before it is read (413).</summary>
    private const long MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapCartEndpoints(this IEndpointRouteBuilder app)
    {
        var cart = app.MapGroup("/api/cart")
            .WithTags("Cart")
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .AddEndpointFilter<ProductsUnavailableFilter>();
        cart.MapGet("/", GetCart);
        cart.MapPut("/", ReplaceCart);
        cart.MapDelete("/", ClearCart);
        cart.MapPut("/items/{productId:guid}", SetItem);
        cart.MapDelete("/items/{productId:guid}", RemoveItem);
        return app;
    }

    private static async Task<Ok<CartResponse>> GetCart(ClaimsPrincipal user, CartStore carts, CartView view, CancellationToken cancellationToken) =>
        TypedResults.Ok(await view.RenderAsync(await carts.GetAsync(Caller.From(user).Id), cancellationToken));

    private static async Task<Results<Ok<CartResponse>, ValidationProblem, ProblemHttpResult>> ReplaceCart(
        ReplaceCartRequest request, ClaimsPrincipal user, CartStore carts, CartView view, ProductsClient products,
        CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var lines = request.ToLines();
        var found = await products.FindManyAsync(lines.Select(l => l.ProductId), cancellationToken);
        var unknown = lines.Select((line, index) => (line, index)).Where(x => !found.ContainsKey(x.line.ProductId)).ToList();
        if (unknown.Count > 0)
        {
            return Problems.Unprocessable(
                unknown.ToDictionary(x => $"items[{x.index}].productId", x => new[] { $"There is no product {x.line.ProductId}." }),
                "Unknown products");
        }
        var userId = Caller.From(user).Id;
        await carts.ReplaceAsync(userId, lines);
        return TypedResults.Ok(await view.RenderAsync(lines, found, cancellationToken));
    }

    private static async Task<NoContent> ClearCart(ClaimsPrincipal user, CartStore carts)
    {
        await carts.ClearAsync(Caller.From(user).Id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CartResponse>, ValidationProblem, ProblemHttpResult>> SetItem(
        Guid productId, SetCartItemRequest request, ClaimsPrincipal user, CartStore carts, CartView view, ProductsClient products,
        CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = Caller.From(user).Id;
        var known = new Dictionary<Guid, ProductInfo>();
        if (request.Quantity == 0)
        {
            await carts.RemoveLineAsync(userId, productId);
        }
        else
        {
            if (await products.FindAsync(productId, cancellationToken) is not { } product)
            {
                return Problems.Unprocessable(new() { ["productId"] = [$"There is no product {productId}."] }, "Unknown product");
            }
            if (!await carts.SetLineAsync(userId, new CartLine(productId, request.Quantity!.Value)))
            {
                return Problems.Unprocessable(
                    new() { ["productId"] = [$"A cart holds at most {CartRules.MaxLines} different products."] }, "Cart is full");
            }
            known[productId] = product;
        }
        return TypedResults.Ok(await view.RenderAsync(await carts.GetAsync(userId), known, cancellationToken));
    }

    private static async Task<Ok<CartResponse>> RemoveItem(
        Guid productId, ClaimsPrincipal user, CartStore carts, CartView view, CancellationToken cancellationToken)
    {
        var userId = Caller.From(user).Id;
        await carts.RemoveLineAsync(userId, productId);
        return TypedResults.Ok(await view.RenderAsync(await carts.GetAsync(userId), cancellationToken));
    }
}
