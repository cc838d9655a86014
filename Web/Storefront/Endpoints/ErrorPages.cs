using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Platform.Storefront.Components.Shared;

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
