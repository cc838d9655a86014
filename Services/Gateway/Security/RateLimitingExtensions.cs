using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Authentication;
using Platform.ServiceDefaults.Health;

namespace Platform.Gateway.Security;

public static class RateLimitingExtensions
{
    /// <summary>
    /// Two fixed-window limits on every request but the health probes: one per signed-in user (sub claim), checked
    /// first so a user's rejected requests do not use up the permits of their address, and one per client IP (see <see cref="ClientAddress"/>).
    /// A rejection is a 429 problem with Retry-After.
    /// </summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitingOptions>(configuration.GetSection(RateLimitingOptions.SectionName));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, limits) =>
        {
            var settings = limits.Value;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.User.FindFirst(PlatformJwt.UserIdClaim)?.Value is { } user && !HealthEndpoints.IsProbe(context.Request.Path)
                        ? FixedWindow("user:" + user, settings.PermitsPerUser, settings.Window)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    HealthEndpoints.IsProbe(context.Request.Path)
                        ? RateLimitPartition.GetNoLimiter("")
                        : FixedWindow("ip:" + ClientAddress.Of(context), settings.PermitsPerIp, settings.Window)));
            options.OnRejected = (rejection, cancellationToken) =>
            {
                var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
                var response = rejection.HttpContext.Response;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"Try again in {response.Headers.RetryAfter} s.").ExecuteAsync(rejection.HttpContext));
            };
        });
        return services;
    }

    private static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
}
