using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.Storefront.Session;

namespace Platform.Storefront.Extensions;

public static class SessionExtensions
{
    /// <summary>Cookie sessions; pages that need a user send visitors to /login, and admin pages answer others 403.</summary>
    public static IServiceCollection AddShopSession(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("platform-storefront");
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = SessionCookie.Name;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/login";
                options.ReturnUrlParameter = "returnUrl";
                options.SlidingExpiration = false;
                options.Events.OnValidatePrincipal = context =>
                {
                    // An expired (or unreadable) token is no session at all.
                    if (ShopUser.Current(context.Principal!) is not { } user || user.ExpiresAt <= DateTimeOffset.UtcNow)
                    {
                        context.RejectPrincipal();
                        return SessionCookie.SignOutAsync(context.HttpContext);
                    }
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToLogin = context =>
                {
                    if (IsJsonRequest(context.Request))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }
                    return Task.CompletedTask;
                };
                // No redirect: the status page explains the 403 at the address that was asked for.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ShopPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(ShopUser.AdminRole));
        services.AddHttpContextAccessor();
        return services;
    }

    private static bool IsJsonRequest(HttpRequest request) => request.Path.StartsWithSegments("/live");
}
