using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Platform.EndToEnd.Tests;

/// <summary>Bad input on every endpoint answers a 4xx problem document, never a 500, and writes nothing.</summary>
[Collection(nameof(SystemCollection))]
public sealed class BadInputTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "POST", "/api/users", "{\"username\": \"abc\", \"email\": " },
        { "POST", "/api/users", "[1, 2, 3]" },
        { "POST", "/api/users", "{\"username\": 42, \"email\": true, \"password\": {}}" },
        { "POST", "/api/users", "{}" },
        { "POST", "/api/users/login", "{\"email\": \"a@b.c\"" },
        { "POST", "/api/users/login", "{\"email\": 1, \"password\": 2}" },
        { "POST", "/api/products", "{\"name\": \"x\", \"price\": \"cheap\"}" },
        { "POST", "/api/products", "{\"name\": \"x\", \"description\": \"y\", \"price\": -5, \"category\": \"Kitchen\", \"stock\": 1}" },
        { "POST", "/api/products", "{\"name\": \"x\", \"description\": \"y\", \"price\": 10, \"category\": \"Kitchen\", \"stock\": -1}" },
        { "POST", "/api/products", "{\"name\": \"\", \"description\": \"y\", \"price\": 10.001, \"category\": \"Kitchen\", \"stock\": 1}" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_missing_and_wrong_typed_bodies_get_a_problem_document(string method, string path, string body)
    {
        using var admin = system.CreateGatewayClient(await system.LoginAsync(SystemFixture.AdminEmail, SystemFixture.AdminPassword, Cancellation));
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        using var response = await admin.SendAsync(request, Cancellation);

        await response.AssertProblemAsync();
    }

    [Fact]
    public async Task Huge_strings_and_bodies_are_refused_and_leave_no_account_behind()
    {
        using var client = system.CreateGatewayClient();
        var email = $"huge_{Guid.NewGuid():N}@example.com";

        using var hugeName = await client.PostAsJsonAsync("/api/users", new { username = new string('a', 100_000), email, password = "Secret-Passw0rd" }, Cancellation);
        using var hugeBody = await client.PostAsJsonAsync("/api/users", new { username = "huge_body", email, password = "Secret-Passw0rd", padding = new string('x', 3_000_000) }, Cancellation);

        await hugeName.AssertProblemAsync();
        await hugeBody.AssertProblemAsync();
        Assert.Equal(0L, await CountUsersAsync(email));
    }

    [Fact]
    public async Task Validation_problems_name_the_field()
    {
        using var client = system.CreateGatewayClient();
        var unique = Guid.NewGuid().ToString("N")[..8];

        using var badEmail = await client.PostAsJsonAsync("/api/users", new { username = $"u_{unique}", email = "not-an-email", password = "Secret-Passw0rd" }, Cancellation);
        using var weakPassword = await client.PostAsJsonAsync("/api/users", new { username = $"u_{unique}", email = $"{unique}@example.com", password = "short" }, Cancellation);

        await badEmail.AssertValidationProblemAsync("email");
        await weakPassword.AssertValidationProblemAsync("password");
    }

    [Fact]
    public async Task A_duplicate_registration_is_a_conflict()
    {
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var client = system.CreateGatewayClient();

        using var again = await client.PostAsJsonAsync("/api/users", new { username = customer.Username + "2", email = customer.Email.ToUpperInvariant(), password = "Secret-Passw0rd" }, Cancellation);

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unknown_ids_and_paths_are_404_problems()
    {
        using var admin = system.CreateGatewayClient(await system.LoginAsync(SystemFixture.AdminEmail, SystemFixture.AdminPassword, Cancellation));
        var page = await admin.GetFromJsonAsync<ProductPage>("/api/products?page=1&pageSize=1", Cancellation);
        var unknownProduct = page!.Items[0].Id.ValueKind == JsonValueKind.Number ? "987654321" : Guid.NewGuid().ToString();

        foreach (var path in new[] { $"/api/products/{unknownProduct}", $"/api/users/{Guid.NewGuid()}", "/api/no-such-thing" })
        {
            using var response = await admin.GetAsync(path, Cancellation);
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using var delete = await admin.DeleteAsync($"/api/products/{unknownProduct}", Cancellation);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"; DROP TABLE products; --")]
    [InlineData("%_\\")]
    public async Task SQL_looking_search_text_is_just_text(string search)
    {
        using var client = system.CreateGatewayClient();

        var page = await client.GetFromJsonAsync<ProductPage>($"/api/products?search={Uri.EscapeDataString(search)}", Cancellation);

        Assert.Equal(0, page!.Total);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=100000")]
    [InlineData("minPrice=50&maxPrice=10")]
    [InlineData("minPrice=abc")]
    [InlineData("sort=drop-table")]
    public async Task Invalid_catalog_queries_are_400_problems(string query)
    {
        using var client = system.CreateGatewayClient();

        using var response = await client.GetAsync($"/api/products?{query}", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_expired_token_signed_with_the_real_key_is_refused()
    {
        var customer = await system.RegisterCustomerAsync(Cancellation);
        var expired = await MintTokenAsync(customer, expiresAt: DateTimeOffset.UtcNow.AddMinutes(-10));
        var valid = await MintTokenAsync(customer, expiresAt: DateTimeOffset.UtcNow.AddMinutes(10));

        using var withExpired = system.CreateGatewayClient(expired);
        using var withValid = system.CreateGatewayClient(valid);

        await (await withExpired.GetAsync("/api/users/me", Cancellation)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await withValid.GetAsync("/api/users/me", Cancellation)).StatusCode);
    }

    /// <summary>A token like the users service's, signed with the AppHost's key, so only its lifetime differs.</summary>
    private async Task<string> MintTokenAsync(Customer customer, DateTimeOffset expiresAt)
    {
        using var users = system.App.CreateHttpClient("users");
        var jwks = await users.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json", Cancellation);
        var kid = jwks.GetProperty("keys")[0].GetProperty("kid").GetString();
        using var key = RSA.Create();
        key.ImportFromPem(await ((ParameterResource)system.App.GetResource("jwt-signing-key")).GetValueAsync(Cancellation));

        var header = new { alg = "RS256", typ = "JWT", kid };
        var payload = new Dictionary<string, object>
        {
            ["iss"] = "platform-users",
            ["aud"] = "platform",
            ["sub"] = customer.Id.ToString(),
            ["name"] = customer.Username,
            ["email"] = customer.Email,
            ["role"] = "customer",
            ["iat"] = expiresAt.AddHours(-1).ToUnixTimeSeconds(),
            ["nbf"] = expiresAt.AddHours(-1).ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        var signed = $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task<long> CountUsersAsync(string email)
    {
        await using var connection = new NpgsqlConnection(await system.App.GetRequiredConnectionStringAsync("usersdb", Cancellation));
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'users'", connection);
        if ((long)(await command.ExecuteScalarAsync(Cancellation))! == 0)
        {
            return 0;
        }
        command.CommandText = "SELECT count(*) FROM users WHERE lower(email) = lower($1)";
        command.Parameters.Add(new NpgsqlParameter { Value = email });
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
