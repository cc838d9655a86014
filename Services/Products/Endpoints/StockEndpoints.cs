using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Products.Catalog;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Products.Endpoints;

/// <summary>
/// Stock reservation over HTTP, for operators and tests; the order saga reserves and releases through
/// <see cref="StockReservations"/> from its event handlers.
/// </summary>
public static class StockEndpoints
{
    public static IEndpointRouteBuilder MapStockEndpoints(this IEndpointRouteBuilder app)
    {
        var stock = app.MapGroup("/api/stock").WithTags("Stock").RequireAuthorization(PlatformJwt.AdminPolicy);
        stock.MapPost("/reservations", Reserve);
        stock.MapPost("/releases", Release);
        return app;
    }

    private static async Task<Results<Ok<StockReservation>, ValidationProblem, ProblemHttpResult>> Reserve(
        StockRequest request, StockReservations reservations, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var reservation = await reservations.ReserveAsync(request.ToStockLines(), cancellationToken);
        return reservation.Reserved
            ? TypedResults.Ok(reservation)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Not enough stock",
                detail: "Nothing was reserved: at least one product is short.",
                extensions: new Dictionary<string, object?> { ["unavailableProductIds"] = reservation.UnavailableProductIds });
    }

    private static async Task<Results<NoContent, ValidationProblem>> Release(
        StockRequest request, StockReservations reservations, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await reservations.ReleaseAsync(request.ToStockLines(), cancellationToken);
        return TypedResults.NoContent();
    }
}
