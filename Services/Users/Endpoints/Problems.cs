using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Users.Endpoints;

internal static class Problems
{
    /// <summary>409 naming the taken fields in an <c>errors</c> map, as a validation problem does.</summary>
    public static ProblemHttpResult Taken(params IReadOnlyList<string> fields) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Already taken.",
        detail: $"The {string.Join(" and the ", fields)} {(fields.Count == 1 ? "is" : "are")} already taken.",
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = fields.ToDictionary(field => field, field => new[] { $"The {field} is already taken." }),
        });

    public static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Invalid credentials.",
        detail: "The email or the password is wrong.");

    public static ProblemHttpResult TooManyAttempts() => TypedResults.Problem(
        statusCode: StatusCodes.Status429TooManyRequests,
        title: "Too many failed logins.",
        detail: "Try again later.");
}
