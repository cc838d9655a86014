using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Gateway.Tests.Support;

/// <summary>Mints access tokens as the users service does (see <see cref="PlatformJwt"/>) and serves their JWKS.</summary>
internal sealed class TokenIssuer : IAsyncDisposable
{
    private const string KeyId = "test-key";
    private readonly RSA key = RSA.Create(2048);
    private TestWebServer jwks = null!;

    public Uri JwksUrl => new(jwks.Url, PlatformJwt.JwksPath);

    public static async Task<TokenIssuer> StartAsync(CancellationToken cancellationToken)
    {
        var issuer = new TokenIssuer();
        issuer.jwks = await TestWebServer.StartAsync(app => app.MapGet(PlatformJwt.JwksPath, issuer.KeySet), cancellationToken);
        return issuer;
    }

    public string Token(string userId, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(15));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformJwt.Issuer,
            Audience = PlatformJwt.Audience,
            IssuedAt = expires < now ? expires - TimeSpan.FromMinutes(5) : now,
            NotBefore = expires < now ? expires - TimeSpan.FromMinutes(5) : now,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                [PlatformJwt.UserIdClaim] = userId,
                [PlatformJwt.NameClaim] = userId,
                [PlatformJwt.EmailClaim] = $"{userId}@example.test",
                [PlatformJwt.RoleClaim] = PlatformJwt.CustomerRole,
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = KeyId }, PlatformJwt.Algorithm),
        });
    }

    private IResult KeySet()
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return Results.Content(JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA", use = "sig", alg = PlatformJwt.Algorithm, kid = KeyId,
                    n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        }), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await jwks.DisposeAsync();
        key.Dispose();
    }
}
