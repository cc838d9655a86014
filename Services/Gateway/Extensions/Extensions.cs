using Platform.Gateway;
using Platform.Gateway.Forwarding;
using Platform.Gateway.Security;

namespace Microsoft.Extensions.Hosting;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));
        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(ForwardingTransforms.Apply);

        builder.AddJwtAuthentication();
        services.AddAuthorizationBuilder().AddTokenUnlessPublicPolicy();
        services.AddGatewayRateLimiting(builder.Configuration);

        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() is { Length: > 0 } configured
            ? configured
            : ["http://127.0.0.1:5000", "http://localhost:5000"];
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyMethod()
            .AllowAnyHeader()
            .WithExposedHeaders("Location", "Retry-After")));
        return builder;
    }
}
