using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Testing;

/// <summary>
/// Stands in for the users service in tests of another service: mints access tokens as it does (see
/// <see cref="PlatformJwt"/>) and serves the matching JWKS from a small Kestrel app on 127.0.0.1.
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    private readonly RSA rsa = RSA.Create(2048);
    private readonly RsaSecurityKey key;
    private WebApplication? jwksServer;

    private TokenIssuer() => key = new RsaSecurityKey(rsa) { KeyId = "test-key-1" };

    /// <summary>Give it to the service under test as <c>Jwt__JwksUrl</c>.</summary>
    public string JwksUrl { get; private set; } = "";

    public static async Task<TokenIssuer> StartAsync(CancellationToken cancellationToken)
    {
        var issuer = new TokenIssuer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var parameters = issuer.rsa.ExportParameters(includePrivateParameters: false);
        var jwks = new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA", use = "sig", alg = PlatformJwt.Algorithm, kid = issuer.key.KeyId,
                    n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        };
        app.MapGet(PlatformJwt.JwksPath, () => Results.Json(jwks));
        await app.StartAsync(cancellationToken);
        issuer.jwksServer = app;
        issuer.JwksUrl = app.Urls.Single() + PlatformJwt.JwksPath;
        return issuer;
    }

    public string Admin(Guid? userId = null) => Mint(PlatformJwt.AdminRole, userId);

    public string Customer(Guid? userId = null) => Mint(PlatformJwt.CustomerRole, userId);

    /// <summary>A token for <paramref name="userId"/> (a new one if not given); name and email derive from the id.</summary>
    public string Mint(string role, Guid? userId = null, DateTime? expires = null, SecurityKey? signingKey = null)
    {
        var id = userId ?? Guid.NewGuid();
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(15);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformJwt.Issuer,
            Audience = PlatformJwt.Audience,
            IssuedAt = expiry - TimeSpan.FromMinutes(20),
            NotBefore = expiry - TimeSpan.FromMinutes(20),
            Expires = expiry,
            Claims = new Dictionary<string, object>
            {
                [PlatformJwt.UserIdClaim] = id.ToString(),
                [PlatformJwt.NameClaim] = $"{role}-{id:N}",
                [PlatformJwt.EmailClaim] = $"{id:N}@example.test",
                [PlatformJwt.RoleClaim] = role,
            },
            SigningCredentials = new SigningCredentials(signingKey ?? key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (jwksServer is not null)
        {
            await jwksServer.DisposeAsync();
        }
        rsa.Dispose();
    }
}
