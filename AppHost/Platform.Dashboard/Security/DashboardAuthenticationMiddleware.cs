using Microsoft.AspNetCore.Http;

namespace Platform.Dashboard.Security;

/// <summary>
/// Lets a browser in only with the session cookie that <c>/login?t=&lt;token&gt;</c> sets; everything else on the
/// pages' port answers 401. The OTLP port serves only the receiver's /v1/* (it checks its API key itself);
/// nothing else is reachable there.
/// </summary>
internal sealed class DashboardAuthenticationMiddleware(RequestDelegate next, LoginTokens tokens, DashboardOptions options)
{
    public const string CookieName = "platform-dashboard";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Connection.LocalPort == options.OtlpPort)
        {
            if (context.Request.Path.StartsWithSegments("/v1"))
            {
                await next(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            return;
        }
        if (context.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase))
        {
            await LogInAsync(context);
            return;
        }
        if (tokens.IsSession(context.Request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }
        await UnauthorizedPage.WriteAsync(context);
    }

    private async Task LogInAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !tokens.TryRedeem(context.Request.Query["t"], out var sessionId))
        {
            await UnauthorizedPage.WriteAsync(context);
            return;
        }
        context.Response.Cookies.Append(CookieName, sessionId, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        context.Response.Redirect("/");
    }
}
