using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Platform.Gateway.Forwarding;

/// <summary>Builds the request sent to a service from the client's request, streaming its body.</summary>
public static class UpstreamRequest
{
    /// <summary>
    /// Trace headers are not copied: the handler writes the gateway's own span as the parent, which must be
    /// created while the request's Activity is current.
    /// </summary>
    private static readonly HashSet<string> TraceHeaders = new(DistributedContextPropagator.Current.Fields, StringComparer.OrdinalIgnoreCase);

    public static HttpRequestMessage Create(HttpContext context, Uri target, ClientBody body)
    {
        var request = context.Request;
        var message = new HttpRequestMessage(new HttpMethod(request.Method), target)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            message.Content = new StreamContent(body);
            // A service that refuses the body (413, 401) answers before reading it; with 100-continue it never
            // receives bytes it will not read, so it closes cleanly instead of resetting the connection mid-answer.
            message.Headers.ExpectContinue = true;
        }

        var isHopByHop = HopByHopHeaders.Of(request.Headers.Connection);
        foreach (var (name, values) in request.Headers)
        {
            if (isHopByHop(name) || TraceHeaders.Contains(name) || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.Expect, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        Append(message, "X-Forwarded-For", request.Headers["X-Forwarded-For"], context.Connection.RemoteIpAddress?.ToString());
        Append(message, "X-Forwarded-Proto", request.Headers["X-Forwarded-Proto"], request.Scheme);
        Append(message, "X-Forwarded-Host", request.Headers["X-Forwarded-Host"], request.Host.Value);
        return message;
    }

    private static void Append(HttpRequestMessage message, string header, string? existing, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        message.Headers.Remove(header);
        message.Headers.TryAddWithoutValidation(header, string.IsNullOrEmpty(existing) ? value : $"{existing}, {value}");
    }
}
