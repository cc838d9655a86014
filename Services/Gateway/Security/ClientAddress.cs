using System.Net;

namespace Platform.Gateway.Security;

/// <summary>
/// The address a request comes from, for the per-IP rate limit. A proxy on this host (the storefront) names the
/// browser in X-Forwarded-For, and its nearest entry is taken; anyone else's X-Forwarded-For is ignored, so a
/// remote client cannot pick its own partition. (ForwardedHeadersMiddleware would do this too, but it rewrites
/// the header the gateway appends to when forwarding.)
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && IPAddress.IsLoopback(remote)
            && context.Request.Headers["X-Forwarded-For"].ToString().Split(',').LastOrDefault()?.Trim() is { Length: > 0 } forwarded
            && IPAddress.TryParse(forwarded, out var client))
        {
            return client.ToString();
        }
        return remote?.ToString() ?? "";
    }
}
