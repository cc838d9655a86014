namespace Platform.Gateway.Forwarding;

/// <summary>The problem the client gets when a service cannot be reached or answers badly.</summary>
public sealed record UpstreamFailure(int StatusCode, string Title, string? Detail = null)
{
    public static UpstreamFailure Unavailable { get; } = new(StatusCodes.Status503ServiceUnavailable, "Service unavailable");

    public static UpstreamFailure Timeout { get; } = new(StatusCodes.Status504GatewayTimeout, "Service timed out");

    public static UpstreamFailure BadResponse { get; } = new(StatusCodes.Status502BadGateway, "Bad response from service");

    /// <summary>The client's own body failed while it was copied upstream (for example, over the size limit).</summary>
    public static UpstreamFailure BadClientBody(BadHttpRequestException failure) =>
        new(failure.StatusCode, failure.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request body", failure.Message);

    public static UpstreamFailure From(HttpRequestException error) =>
        error.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            ? Unavailable
            : BadResponse;

    public Task WriteAsync(HttpContext context, string service) =>
        TypedResults.Problem(statusCode: StatusCode, title: Title, detail: Detail ?? $"The {service} service did not answer the request.")
            .ExecuteAsync(context);
}
