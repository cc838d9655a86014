using Microsoft.AspNetCore.Diagnostics;
using Platform.Storefront.Gateway;
using Platform.Storefront.Session;

namespace Platform.Storefront.Endpoints;

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
