using System.Net.Http.Headers;
using Platform.Storefront.Session;

namespace Platform.Storefront.Gateway;

/// <summary>
/// Adds to every gateway call the session's access token and the browser's address as <c>X-Forwarded-For</c>
/// (the gateway's per-IP rate limit counts shoppers, not the storefront).
/// </summary>
public sealed class GatewayRequestHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context)
        {
            if (context.Connection.RemoteIpAddress is { } address)
            {
                request.Headers.Remove("X-Forwarded-For");
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
            }
            if (request.Headers.Authorization is null && ShopUser.Current(context.User)?.AccessToken is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }
        return base.SendAsync(request, cancellationToken);
    }
}
