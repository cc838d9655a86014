using System.Globalization;
using System.Security.Claims;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Storefront.Session;

/// <summary>Who is shopping, as the session cookie says: the claims of the access token and the token itself.</summary>
public sealed record ShopUser(Guid Id, string Name, string Email, string Role, string AccessToken, DateTimeOffset ExpiresAt)
{
    public const string AdminRole = PlatformJwt.AdminRole;

    internal const string IdClaim = "sub";
    internal const string NameClaim = "name";
    internal const string EmailClaim = "email";
    internal const string RoleClaim = "role";
    internal const string TokenClaim = "access_token";
    internal const string ExpiresClaim = "expires_at";

    public bool IsAdmin => Role == AdminRole;

    /// <summary>The signed-in user; <c>null</c> for a visitor.</summary>
    public static ShopUser? Current(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(IdClaim), out var id)
            || principal.FindFirstValue(TokenClaim) is not { } token
            || !DateTimeOffset.TryParse(principal.FindFirstValue(ExpiresClaim), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
        {
            return null;
        }
        return new ShopUser(id, principal.FindFirstValue(NameClaim) ?? "", principal.FindFirstValue(EmailClaim) ?? "",
            principal.FindFirstValue(RoleClaim) ?? "", token, expires);
    }
}
