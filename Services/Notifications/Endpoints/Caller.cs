using System.Security.Claims;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Notifications.Endpoints;

/// <summary>The user an authenticated request is made for (claim <c>sub</c>).</summary>
internal static class Caller
{
    /// <summary>The endpoints' policy: an authenticated user whose <c>sub</c> is a user id.</summary>
    public static void RequireUserId(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => TryGetId(context.User, out _));

    /// <summary>Only for requests that passed <see cref="RequireUserId"/>.</summary>
    public static Guid IdOf(ClaimsPrincipal principal) =>
        TryGetId(principal, out var id) ? id : throw new InvalidOperationException("The request has no user id.");

    private static bool TryGetId(ClaimsPrincipal principal, out Guid id) =>
        Guid.TryParse(principal.FindFirstValue(PlatformJwt.UserIdClaim), out id) && id != Guid.Empty;
}
