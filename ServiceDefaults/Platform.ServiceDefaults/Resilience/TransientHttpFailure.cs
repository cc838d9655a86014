using System.Net;
using Polly;
using Polly.Timeout;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>What is worth another attempt: connection errors, attempt time-outs, 408, 429 and 5xx.</summary>
internal static class TransientHttpFailure
{
    public static bool Is(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500
            || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };

    /// <summary>The wait a 429 or 503 response asks for in its Retry-After header, if any.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time) =>
        response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}
