using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Forwarding;

/// <summary>
/// Sends a request that a replica refused to connect (stopped, crashed, not listening yet) to another replica of
/// the cluster. Nothing reached the refusing one, not even the body, so this is safe for every method. YARP itself
/// never retries; this step runs before its load balancing, which then picks among the replicas left.
/// </summary>
public sealed class RefusedConnectionRetry(RequestDelegate next, ILogger<RefusedConnectionRetry> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        while (true)
        {
            await next(context);
            if (!WasRefused(context) || proxy.ProxiedDestination is not { } refused)
            {
                return;
            }
            candidates = [.. candidates.Where(destination => destination != refused)];
            if (candidates.Count == 0)
            {
                return;
            }

            logger.LogWarning("{Destination} of {Cluster} refused the connection; trying another replica", refused.DestinationId, proxy.Cluster.Config.ClusterId);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            proxy.ProxiedDestination = null;
            proxy.AvailableDestinations = candidates;
        }
    }

    private static bool WasRefused(HttpContext context) =>
        !context.Response.HasStarted
        && context.Features.Get<IForwarderErrorFeature>() is
        {
            Error: ForwarderError.Request,
            Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError },
        };
}
