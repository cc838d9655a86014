using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class TokenTests(UsersServiceFixture service)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_token_validates_against_the_published_JWKS_and_carries_the_claims()
    {
        var account = await service.RegisterAsync(Cancellation);
        using var client = service.CreateClient();

        var jwks = await client.GetAsync(PlatformJwt.JwksPath, Cancellation);
        Assert.Equal(HttpStatusCode.OK, jwks.StatusCode);
        Assert.True(jwks.Headers.CacheControl?.MaxAge > TimeSpan.Zero, "The JWKS has no max-age.");
        var document = await jwks.Content.ReadAsStringAsync(Cancellation);
        var key = Assert.Single(JsonDocument.Parse(document).RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal(("RSA", "sig", "RS256"), (key.GetProperty("kty").GetString(), key.GetProperty("use").GetString(), key.GetProperty("alg").GetString()));
        Assert.False(key.TryGetProperty("d", out _), "The JWKS publishes the private key.");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(account.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = PlatformJwt.Issuer,
            ValidAudience = PlatformJwt.Audience,
            ValidAlgorithms = [PlatformJwt.Algorithm],
            IssuerSigningKeys = new JsonWebKeySet(document).GetSigningKeys(),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(TestTokens.KeyId(service.SigningKey), token.Kid);
        Assert.Equal(key.GetProperty("kid").GetString(), token.Kid);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(account.Id.ToString(), token.Subject);
        Assert.Equal(account.Username, token.GetClaim(PlatformJwt.NameClaim).Value);
        Assert.Equal(account.Email, token.GetClaim(PlatformJwt.EmailClaim).Value);
        Assert.Equal(PlatformJwt.CustomerRole, token.GetClaim(PlatformJwt.RoleClaim).Value);
        Assert.False(string.IsNullOrEmpty(token.Id), "No jti.");
        Assert.True(token.TryGetPayloadValue<long>("iat", out _), "No iat.");
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task A_token_minted_with_the_key_is_accepted()
    {
        var account = await service.RegisterAsync(Cancellation);
        var token = TestTokens.Mint(service.SigningKey, account.Id, PlatformJwt.CustomerRole, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5));

        using var client = service.CreateClient(token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users/me", Cancellation)).StatusCode);
    }

    public static TheoryData<string> BadTokens => ["tampered", "expired", "wrong audience", "other key", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_answer_401(string kind)
    {
        var account = await service.RegisterAsync(Cancellation);
        using var otherKey = RSA.Create(2048);
        var now = DateTime.UtcNow;
        var token = kind switch
        {
            "tampered" => TestTokens.Tamper(account.AccessToken),
            "expired" => TestTokens.Mint(service.SigningKey, account.Id, PlatformJwt.AdminRole, now.AddHours(-2), now.AddHours(-1)),
            "wrong audience" => TestTokens.Mint(service.SigningKey, account.Id, PlatformJwt.AdminRole, now, now.AddMinutes(5), audience: "elsewhere"),
            "other key" => TestTokens.Mint(otherKey, account.Id, PlatformJwt.AdminRole, now, now.AddMinutes(5)),
            _ => "not-a-token",
        };
        using var client = service.CreateClient(token);

        await Problems.AssertProblemAsync(await client.GetAsync("/api/users/me", Cancellation), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await client.GetAsync($"/api/users/{account.Id}", Cancellation), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_a_token_every_account_endpoint_answers_401()
    {
        using var client = service.CreateClient();
        var id = Guid.NewGuid();

        await Problems.AssertProblemAsync(await client.GetAsync("/api/users/me", Cancellation), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await client.GetAsync($"/api/users/{id}", Cancellation), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await client.DeleteAsync($"/api/users/{id}", Cancellation), HttpStatusCode.Unauthorized);
    }
}
