using Platform.ServiceDefaults.Authentication;
using Platform.Users.Tokens;

namespace Platform.Users.Endpoints;

public static class JwksEndpoint
{
    public static IEndpointRouteBuilder MapJwksEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(PlatformJwt.JwksPath, (SigningKey key, HttpContext context) =>
        {
            // Validators cache the keys; a new key id makes them fetch again, so a short max-age is enough.
            context.Response.Headers.CacheControl = "public, max-age=300";
            var jwk = key.PublicJwk;
            return TypedResults.Ok(new { keys = new[] { new { kty = jwk.Kty, use = jwk.Use, alg = jwk.Alg, kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        }).WithTags("Keys");
        return app;
    }
}
