using Platform.Gateway.Forwarding;

namespace Platform.Gateway.Endpoints;

public static class OpenApiDocumentEndpoints
{
    /// <summary><c>GET /openapi/{service}.json</c>: that service's own <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapOpenApiDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi/{service}.json", async (string service, HttpContext context, HttpForwarder forwarder) =>
        {
            if (ServiceRoutes.Services.Contains(service))
            {
                await forwarder.ForwardAsync(context, service, "/openapi/v1.json");
            }
            else
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No service named '{service}'.")
                    .ExecuteAsync(context);
            }
        });
        return app;
    }
}
