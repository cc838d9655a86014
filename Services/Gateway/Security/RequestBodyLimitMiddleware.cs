using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Security;

/// <summary>
/// Refuses a request whose declared Content-Length is over <see cref="GatewayOptions.MaxRequestBodySize"/> with a
/// 413 problem before anything is forwarded, and sets the same limit on the server, which stops a chunked body
/// that grows past it while it streams.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodySize;
        if (context.Request.ContentLength > limit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"The request body may be at most {limit} bytes.").ExecuteAsync(context);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        return next(context);
    }
}

public static class RequestBodyLimitExtensions
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.UseMiddleware<RequestBodyLimitMiddleware>();
}
