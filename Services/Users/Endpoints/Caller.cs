using System.Security.Claims;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Users.Endpoints;

/// <summary>Who made an authenticated request, from its access token.</summary>
public sealed record Caller(Guid Id, bool IsAdmin)
{
    public static Caller From(ClaimsPrincipal principal) => new(
        Guid.TryParse(principal.FindFirstValue(PlatformJwt.UserIdClaim), out var id) ? id : Guid.Empty,
        principal.IsInRole(PlatformJwt.AdminRole));

    /// <summary>A customer reaches only its own account; an admin every account.</summary>
    public bool MayAccess(Guid userId) => IsAdmin || userId == Id;
}
