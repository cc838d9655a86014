using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Forwarding;

/// <summary>
/// Answers a request YARP could not forward with a problem document instead of its bare status code: 503 when the
/// service cannot be reached, 504 when it is too slow, 502 when it answers badly, and the client's own 413 or 400
/// when its body was at fault.
/// </summary>
public sealed class UpstreamProblems(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<IForwarderErrorFeature>() is not { } error || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var (status, title, detail) = error switch
        {
            { Error: ForwarderError.NoAvailableDestinations }
                or { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", null),
            { Error: ForwarderError.RequestTimedOut } => (StatusCodes.Status504GatewayTimeout, "Service timed out", null),
            { Error: ForwarderError.RequestBodyClient } when Find<BadHttpRequestException>(error.Exception) is { } badBody => BadBody(badBody),
            _ when await FailureOfTheRestAsync(context) is { } badBody => BadBody(badBody),
            _ => (StatusCodes.Status502BadGateway, "Bad response from service", (string?)null),
        };
        var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        await TypedResults.Problem(statusCode: status, title: title, detail: detail ?? $"The {service} service did not answer the request.")
            .ExecuteAsync(context);
    }

    private static (int, string, string?) BadBody(BadHttpRequestException failure) =>
        (failure.StatusCode, failure.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request body", failure.Message);

    /// <summary>
    /// Reads what the service did not take of the client's body. A service that refuses a body early closes the
    /// connection, and the reset can arrive before the gateway read past its own limit: a body over that limit is
    /// still refused as such, whatever the service did. The limit the body-size check set bounds the read.
    /// </summary>
    private static async Task<BadHttpRequestException?> FailureOfTheRestAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            return null;
        }
        var discard = new byte[16 * 1024];
        try
        {
            while (await context.Request.Body.ReadAsync(discard, context.RequestAborted) > 0)
            {
            }
        }
        catch (BadHttpRequestException failure)
        {
            return failure;
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or InvalidOperationException)
        {
        }
        return null;
    }

    private static T? Find<T>(Exception? error) where T : Exception => error switch
    {
        null => null,
        T found => found,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(found => found is not null),
        _ => Find<T>(error.InnerException),
    };
}
