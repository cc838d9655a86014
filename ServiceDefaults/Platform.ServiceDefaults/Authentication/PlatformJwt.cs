using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Authentication;

/// <summary>
/// The contract of the platform's access tokens: RS256 JWTs issued by the users service, whose public keys
/// it publishes at <see cref="JwksPath"/>. Every other service validates them without sharing a secret.
/// </summary>
public static class PlatformJwt
{
    public const string Issuer = "platform-users";
    public const string Audience = "platform";
    public const string Algorithm = "RS256";

    public const string JwksPath = "/.well-known/jwks.json";

    /// <summary>Where validators fetch the keys; configuration key <c>Jwt:JwksUrl</c> overrides it.</summary>
    public const string DefaultJwksUrl = "https+http://users" + JwksPath;

    /// <summary>Claim names, as in the token (inbound claim mapping is off).</summary>
    public const string UserIdClaim = "sub";
    public const string NameClaim = "name";
    public const string EmailClaim = "email";
    public const string RoleClaim = "role";

    public const string CustomerRole = "customer";
    public const string AdminRole = "admin";

    /// <summary>The authorization policy admin-only endpoints require.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The rules every service checks a token against; the signing keys are set by the caller.</summary>
    public static TokenValidationParameters CreateValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        ValidAlgorithms = [Algorithm],
        NameClaimType = NameClaim,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
