using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.ServiceDefaults.Authentication;
using Platform.Storefront.Gateway;

namespace Platform.Storefront.Session;

/// <summary>
/// The session: ASP.NET Core cookie authentication (encrypted with Data Protection, HttpOnly, SameSite=Lax,
/// Secure over https) holding the access token and its claims; it ends when the token expires.
/// </summary>
public static class SessionCookie
{
    public const string Name = ".platform.shop.session";

    public static Task SignInAsync(HttpContext context, LoginToken token)
    {
        var jwt = Read(token.AccessToken);
        return SignInAsync(context, new ShopUser(Guid.TryParse(Claim(jwt, PlatformJwt.UserIdClaim), out var id) ? id : Guid.Empty,
            Claim(jwt, PlatformJwt.NameClaim), Claim(jwt, PlatformJwt.EmailClaim), Claim(jwt, PlatformJwt.RoleClaim), token.AccessToken, token.ExpiresAt));
    }

    /// <summary>The same session with the name and email the user just changed (the token keeps the old ones until it expires).</summary>
    public static Task UpdateProfileAsync(HttpContext context, ShopUser user, UserAccount account) =>
        SignInAsync(context, user with { Name = account.Username, Email = account.Email });

    private static async Task SignInAsync(HttpContext context, ShopUser user)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ShopUser.IdClaim, user.Id.ToString()),
            new Claim(ShopUser.NameClaim, user.Name),
            new Claim(ShopUser.EmailClaim, user.Email),
            new Claim(ShopUser.RoleClaim, user.Role),
            new Claim(ShopUser.TokenClaim, user.AccessToken),
            new Claim(ShopUser.ExpiresClaim, user.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)),
        ], CookieAuthenticationDefaults.AuthenticationScheme, ShopUser.NameClaim, ShopUser.RoleClaim);
        // A session cookie (gone with the browser), and never longer than the token.
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { ExpiresUtc = user.ExpiresAt, IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>The token's claims, unverified: it came straight from the gateway, and the gateway verifies it on every call.</summary>
    private static JsonWebToken Read(string accessToken)
    {
        try
        {
            return new JsonWebToken(accessToken);
        }
        catch (ArgumentException exception)
        {
            throw new ShopUnavailableException("The login answered a malformed access token.", exception);
        }
    }

    private static string Claim(JsonWebToken jwt, string type) => jwt.TryGetPayloadValue<string>(type, out var value) ? value : "";
}
