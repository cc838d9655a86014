using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Products.Tests;

/// <summary>
/// Stands in for the users service: mints access tokens as it does (RS256, iss platform-users, aud platform,
/// a kid header; sub, name, email, role) and serves the matching JWKS from a small Kestrel app on 127.0.0.1.
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private WebApplication? _jwksServer;

    public TokenIssuer() => _key = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };

    public string JwksUrl { get; private set; } = "";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwks = new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        };
        app.MapGet("/.well-known/jwks.json", () => Results.Json(jwks));
        await app.StartAsync(cancellationToken);
        _jwksServer = app;
        JwksUrl = app.Urls.Single() + "/.well-known/jwks.json";
    }

    public string Admin() => Mint("admin");

    public string Customer() => Mint("customer");

    public string Mint(string role, DateTime? expires = null, SecurityKey? signingKey = null)
    {
        var userId = Guid.NewGuid();
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "platform-users",
            Audience = "platform",
            IssuedAt = (expires ?? now) - TimeSpan.FromMinutes(10),
            NotBefore = (expires ?? now) - TimeSpan.FromMinutes(10),
            Expires = expires ?? now.AddMinutes(15),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", userId.ToString()), new Claim("name", $"{role}-{userId:N}"),
                new Claim("email", $"{userId:N}@example.test"), new Claim("role", role),
            ]),
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_jwksServer is not null)
        {
            await _jwksServer.DisposeAsync();
        }
        _rsa.Dispose();
    }
}
