using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Forwarding;

/// <summary>What every route does to the requests and responses it forwards, on top of YARP's own copying.</summary>
public static class ForwardingTransforms
{
    public static void Apply(TransformBuilderContext context)
    {
        // YARP's default replaces X-Forwarded-*; appending keeps what a proxy in front (the storefront) said.
        context.AddXForwarded(ForwardedTransformActions.Append);

        context.AddRequestTransform(transform =>
        {
            var request = transform.HttpContext.Request;
            var proxyRequest = transform.ProxyRequest;
            foreach (var name in HopByHop(request.Headers.Connection, request.Headers.Keys))
            {
                proxyRequest.Headers.Remove(name);
                proxyRequest.Content?.Headers.Remove(name);
            }
            if (proxyRequest.Content is not null)
            {
                // A service that refuses the body (413, 401) answers before reading it; with 100-continue it never
                // receives bytes it will not read, so it closes cleanly instead of resetting the connection mid-answer.
                proxyRequest.Headers.ExpectContinue = true;
            }
            return ValueTask.CompletedTask;
        });

        context.AddResponseTransform(transform =>
        {
            if (transform.ProxyResponse is { } upstream)
            {
                var headers = transform.HttpContext.Response.Headers;
                foreach (var name in HopByHop(upstream.Headers.Connection, headers.Keys))
                {
                    headers.Remove(name);
                }
            }
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// The hop-by-hop headers YARP does not drop itself (RFC 9110 §7.6.1): those the message's Connection header
    /// names, and any Proxy-* header.
    /// </summary>
    private static List<string> HopByHop(IEnumerable<string?> connection, IEnumerable<string> names) =>
        [
            .. connection.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            .. names.Where(name => name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase)),
        ];
}
