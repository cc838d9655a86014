using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Platform.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

public static class JwtAuthenticationExtensions
{
    internal const string JwksHttpClientName = "jwks";

    /// <summary>
    /// Validates the users service's access tokens (see <see cref="PlatformJwt"/>): signature against the keys
    /// of its JWKS, fetched through service discovery and cached; issuer, audience and lifetime. Adds the
    /// <see cref="PlatformJwt.AdminPolicy"/> authorization policy.
    /// </summary>
    public static TBuilder AddJwtAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var jwksUrl = builder.Configuration["Jwt:JwksUrl"] ?? PlatformJwt.DefaultJwksUrl;
        builder.Services.AddHttpClient(JwksHttpClientName);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((options, httpClients) =>
            {
                options.MapInboundClaims = false;
                options.RefreshOnIssuerKeyNotFound = true;
                options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    jwksUrl,
                    new JsonWebKeySetRetriever(),
                    // The users service is reached over plain HTTP inside the application.
                    new HttpDocumentRetriever(httpClients.CreateClient(JwksHttpClientName)) { RequireHttps = false });
                options.TokenValidationParameters = PlatformJwt.CreateValidationParameters();
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PlatformJwt.AdminPolicy, policy => policy.RequireRole(PlatformJwt.AdminRole));
        return builder;
    }
}
