using Platform.Gateway.Forwarding;

namespace Platform.Gateway.Endpoints;

public static class ServiceRouteEndpoints
{
    /// <summary>
    /// The routes of configuration section <c>ReverseProxy</c> (each service's /api prefixes and its OpenAPI document),
    /// forwarded by YARP; any other /api path or OpenAPI document is a 404 problem.
    /// </summary>
    public static IEndpointRouteBuilder MapServiceRoutes(this IEndpointRouteBuilder app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<UpstreamProblems>();
            proxy.UseMiddleware<RefusedConnectionRetry>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        app.Map("/api/{**rest}", (HttpContext context) =>
            TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No API at {context.Request.Path}."));
        app.MapGet("/openapi/{service}.json", (string service) =>
            TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No service named '{service}'."));
        return app;
    }
}
