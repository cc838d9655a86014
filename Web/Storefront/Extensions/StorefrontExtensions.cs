using Platform.Storefront.Components;
using Platform.Storefront.Endpoints;
using Platform.Storefront.Gateway;

namespace Platform.Storefront.Extensions;

public static class StorefrontExtensions
{
    /// <summary>The gateway's address, resolved by service discovery (<c>services:gateway:http:0</c> from the AppHost).</summary>
    public const string GatewayAddressKey = "Storefront:GatewayAddress";

    public static IHostApplicationBuilder AddStorefrontServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddShopSession();
        services.AddTransient<GatewayRequestHandler>();
        services.AddHttpClient<GatewayClient>(http => http.BaseAddress = new Uri(builder.Configuration[GatewayAddressKey] ?? "http://gateway"))
            .AddHttpMessageHandler<GatewayRequestHandler>();
        services.AddSingleton<ErrorPages>();
        services.AddExceptionHandler<ShopExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// Friendly pages for errors (ahead of the development exception page, which a shopper must never see),
    /// then the session, authorization and antiforgery for the forms.
    /// </summary>
    public static WebApplication UseStorefront(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(context =>
            context.HttpContext.RequestServices.GetRequiredService<ErrorPages>().WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStorefront(this WebApplication app)
    {
        app.MapShopAssets();
        app.MapProductImages();
        app.MapLiveEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }
}
