using Platform.Gateway.Forwarding;
using Platform.Gateway.Security;

namespace Platform.Gateway.Endpoints;

public static class ServiceRouteEndpoints
{
    /// <summary>Each service's /api prefix, forwarded with its path and query; any other /api path is a 404 problem.</summary>
    public static IEndpointRouteBuilder MapServiceRoutes(this IEndpointRouteBuilder app)
    {
        foreach (var (prefix, service) in ServiceRoutes.Prefixes)
        {
            app.Map(prefix + "/{**rest}", (HttpContext context, HttpForwarder forwarder) =>
                    forwarder.ForwardAsync(context, service, context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent()))
                .RequireAuthorization(PublicRoutes.Policy);
        }
        app.Map("/api/{**rest}", (HttpContext context) =>
            TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No API at {context.Request.Path}."));
        return app;
    }
}
