using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Authentication;
using Platform.Users.Data;

namespace Platform.Users.Tokens;

public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt);

/// <summary>Signs access tokens following <see cref="PlatformJwt"/>.</summary>
public sealed class AccessTokenIssuer(SigningKey key, IOptions<TokenOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(User user)
    {
        var now = time.GetUtcNow();
        // Whole seconds, so expiresAt equals the token's exp claim.
        now = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expires = now + options.Value.AccessTokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = PlatformJwt.Issuer,
            Audience = PlatformJwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = key.Credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(PlatformJwt.UserIdClaim, user.Id.ToString()),
                new Claim(PlatformJwt.NameClaim, user.Username),
                new Claim(PlatformJwt.EmailClaim, user.Email),
                new Claim(PlatformJwt.RoleClaim, user.Role),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
            ]),
        };
        return new AccessToken(_handler.CreateToken(descriptor), expires);
    }
}
