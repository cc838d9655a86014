using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Orders.Endpoints;

internal static class Problems
{
    /// <summary>A validation problem with another status than 400 (422 for a well-formed request that cannot be done).</summary>
    public static ProblemHttpResult Unprocessable(Dictionary<string, string[]> errors, string title) =>
        WithErrors(StatusCodes.Status422UnprocessableEntity, errors, title);

    /// <summary>409 naming the fields (cart lines) in conflict with the current state.</summary>
    public static ProblemHttpResult Conflict(Dictionary<string, string[]> errors, string title) =>
        WithErrors(StatusCodes.Status409Conflict, errors, title);

    private static ProblemHttpResult WithErrors(int status, Dictionary<string, string[]> errors, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = status, Title = title });

    public static ProblemHttpResult OrderNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"There is no order {id} of yours.");

    public static ProblemHttpResult ProductsUnavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "The catalog is unavailable",
        detail: "Products cannot be looked up right now; try again shortly.");
}
