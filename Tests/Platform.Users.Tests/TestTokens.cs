using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Users.Tests;

/// <summary>Tokens the test mints itself with the service's key (or another), to probe the service's validation.</summary>
internal static class TestTokens
{
    public static string Mint(RSA key, Guid userId, string role, DateTime issuedAt, DateTime expires, string audience = PlatformJwt.Audience)
    {
        var securityKey = new RsaSecurityKey(key) { KeyId = KeyId(key) };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformJwt.Issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(PlatformJwt.UserIdClaim, userId.ToString()),
                new Claim(PlatformJwt.NameClaim, "minted"),
                new Claim(PlatformJwt.EmailClaim, "minted@example.test"),
                new Claim(PlatformJwt.RoleClaim, role),
            ]),
        });
    }

    /// <summary>The RFC 7638 thumbprint of the public key, base64url: the key id the contract asks for.</summary>
    public static string KeyId(RSA key) => Base64UrlEncoder.Encode(
        JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.ExportParameters(false))).ComputeJwkThumbprint());

    /// <summary>The token with one character of its signature changed.</summary>
    public static string Tamper(string token)
    {
        var signatureStart = token.LastIndexOf('.') + 1;
        var chars = token.ToCharArray();
        chars[signatureStart + 5] = chars[signatureStart + 5] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
