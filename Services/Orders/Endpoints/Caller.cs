using System.Security.Claims;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Orders.Endpoints;

/// <summary>Who made an authenticated request, from its access token.</summary>
public sealed record Caller(Guid Id, bool IsAdmin)
{
    public static Caller From(ClaimsPrincipal principal) => new(
        Guid.TryParse(principal.FindFirstValue(PlatformJwt.UserIdClaim), out var id) ? id : Guid.Empty,
        principal.IsInRole(PlatformJwt.AdminRole));
}
