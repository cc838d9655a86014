using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Platform.EventBus;
using Platform.ServiceDefaults.Authentication;
using Platform.Users.Accounts;
using Platform.Users.Data;
using Platform.Users.Tokens;

namespace Platform.Users.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<UsersDbContext>("usersdb");
        builder.AddRabbitMQConnection("messaging");
        builder.AddRabbitMQEventBus("messaging", "users").UseDbContext<UsersDbContext>();

        // Read at start-up, so a missing or invalid key stops the service with a clear message.
        var signingKey = SigningKey.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(signingKey);
        builder.Services.AddOptions<TokenOptions>().Bind(builder.Configuration.GetSection(TokenOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<Passwords>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.AddOwnTokenValidation(signingKey);

        // The gateway (on loopback, the default trusted proxy) forwards the client's address, which login throttling keys on.
        builder.Services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.XForwardedFor);
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// Validates the service's own tokens as every other service does (<see cref="PlatformJwt"/>), but with the local
    /// public key rather than by fetching its own JWKS.
    /// </summary>
    private static void AddOwnTokenValidation(this IHostApplicationBuilder builder, SigningKey signingKey)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = PlatformJwt.CreateValidationParameters();
            options.TokenValidationParameters.IssuerSigningKey = signingKey.PublicKey;
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PlatformJwt.AdminPolicy, policy => policy.RequireRole(PlatformJwt.AdminRole));
    }
}
