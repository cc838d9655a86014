using Microsoft.AspNetCore.Authorization;

namespace Platform.Gateway.Security;

/// <summary>
/// What anyone may call without a token: registering, logging in, and reading the catalog. Every other /api
/// request needs a valid access token at the gateway (the services validate it again).
/// </summary>
public static class PublicRoutes
{
    public const string Policy = "token-unless-public";

    public static bool IsPublic(HttpRequest request)
    {
        var path = request.Path;
        if (HttpMethods.IsPost(request.Method))
        {
            return IsExactly(path, "/api/users") || IsExactly(path, "/api/users/login");
        }
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && (path.StartsWithSegments("/api/products") || path.StartsWithSegments("/api/categories"));
    }

    public static AuthorizationBuilder AddTokenUnlessPublicPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, policy => policy.RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true
            || (context.Resource is HttpContext http && IsPublic(http.Request))));

    private static bool IsExactly(PathString path, string expected) =>
        path.Equals(expected, StringComparison.OrdinalIgnoreCase)
        || path.Equals(expected + "/", StringComparison.OrdinalIgnoreCase);
}
