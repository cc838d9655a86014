namespace Platform.Gateway.Forwarding;

/// <summary>The problem the client gets when a service cannot be reached or answers badly.</summary>
public sealed record UpstreamFailure(int StatusCode, string Title)
{
    public static UpstreamFailure Unavailable { get; } = new(StatusCodes.Status503ServiceUnavailable, "Service unavailable");

    public static UpstreamFailure Timeout { get; } = new(StatusCodes.Status504GatewayTimeout, "Service timed out");

    public static UpstreamFailure BadResponse { get; } = new(StatusCodes.Status502BadGateway, "Bad response from service");

    public static UpstreamFailure From(HttpRequestException error)
    {
        // The client's own body failed while it was copied upstream (for example, over the size limit).
        for (Exception? inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is BadHttpRequestException badRequest)
            {
                return new UpstreamFailure(badRequest.StatusCode, "Bad request");
            }
        }
        return error.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            ? Unavailable
            : BadResponse;
    }

    public Task WriteAsync(HttpContext context, string service) =>
        TypedResults.Problem(statusCode: StatusCode, title: Title, detail: $"The {service} service did not answer the request.")
            .ExecuteAsync(context);
}
