using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Platform.Dashboard.Model;

namespace Platform.Dashboard.Endpoints;

/// <summary>The Start / Stop / Restart forms post here (antiforgery-checked, as every form binding is).</summary>
internal static class ResourceCommandEndpoints
{
    public static void MapResourceCommands(this IEndpointRouteBuilder app) =>
        app.MapPost("/resources/{name}/commands/{command}", async Task<IResult> (
            string name, string command, [FromForm(Name = "returnUrl")] string? returnUrl,
            IDashboardResourceService resources, HttpContext context) =>
        {
            if (resources.GetResource(name) is null)
            {
                return TypedResults.Problem($"There is no resource named '{name}'.", statusCode: StatusCodes.Status404NotFound);
            }
            if (!DashboardCommands.All.Contains(command))
            {
                return TypedResults.Problem($"Unknown command '{command}'.", statusCode: StatusCodes.Status404NotFound);
            }
            var result = await resources.ExecuteCommandAsync(name, command, context.RequestAborted);
            if (!result.Succeeded)
            {
                return TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict);
            }
            return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl! : "/");
        });

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
