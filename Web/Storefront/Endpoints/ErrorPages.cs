using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Diagnostics;
using Platform.Storefront.Components.Shared;
using Platform.Storefront.Gateway;
using Platform.Storefront.Session;

namespace Platform.Storefront.Endpoints;

/// <summary>
/// The friendly pages for 403, 404 and "the shop is unavailable" (503), rendered from <see cref="ErrorDocument"/>
/// without calling the gateway, for exceptions and for empty error responses alike. Never a stack trace.
/// </summary>
public sealed class ErrorPages(ILoggerFactory loggers)
{
    public async Task WriteAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers.CacheControl = "no-store";
        if (IsScriptRequest(context.Request))
        {
            return; // the status alone, for the pages' script
        }
        await using var renderer = new HtmlRenderer(context.RequestServices, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ErrorDocument>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ErrorDocument.StatusCode)] = statusCode,
                [nameof(ErrorDocument.RetryUrl)] = context.Request.Path + context.Request.QueryString,
            }));
            return output.ToHtmlString();
        });
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static bool IsScriptRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/live") || request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(AssetEndpoints.Prefix);
}

/// <summary>Turns what went wrong while calling the gateway into the right page: 404, 503, or back to the login.</summary>
public sealed class ShopExceptionHandler(ErrorPages pages, ILogger<ShopExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }
        switch (exception)
        {
            case SessionExpiredException when HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/live"):
                await SessionCookie.SignOutAsync(context);
                var returnUrl = context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
                return true;
            case SessionExpiredException:
                await SessionCookie.SignOutAsync(context);
                await pages.WriteAsync(context, StatusCodes.Status401Unauthorized);
                return true;
            case NotFoundException:
                await pages.WriteAsync(context, StatusCodes.Status404NotFound);
                return true;
            case ShopUnavailableException:
                logger.LogWarning("The shop is unavailable: {Reason}", exception.Message);
                await pages.WriteAsync(context, StatusCodes.Status503ServiceUnavailable);
                return true;
            default:
                logger.LogError(exception, "An unexpected error while serving {Path}", context.Request.Path);
                await pages.WriteAsync(context, StatusCodes.Status500InternalServerError);
                return true;
        }
    }
}
