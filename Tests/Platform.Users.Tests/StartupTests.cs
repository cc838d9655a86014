using System.Net;
using System.Net.Http.Json;

namespace Platform.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class StartupTests(UsersServiceFixture service)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(UsersServiceFixture.WithoutKey, "is missing")]
    [InlineData(UsersServiceFixture.WithPublicKey, "expected an RSA private key")]
    public async Task Without_a_usable_signing_key_the_service_stops_with_a_clear_message(string resource, string message)
    {
        await service.App.WaitForResourceAsync(resource, s => s.IsTerminal(), "stopped", cancellationToken: Cancellation);

        var output = string.Join('\n', service.App.ResourceLogs.GetLogs(resource).Select(l => l.Text));
        Assert.Contains("Jwt:SigningKey", output);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task Replicas_started_together_seed_one_admin_and_accept_each_others_tokens()
    {
        Assert.Equal(1L, await service.QueryScalarAsync<long>(
            "SELECT count(*) FROM users WHERE normalized_email = upper($1)", Cancellation, UsersServiceFixture.AdminEmail));
        var account = await service.RegisterAsync(Cancellation);

        using var second = service.CreateClient(account.AccessToken, replica: 1);

        Assert.Equal(account.Id, (await second.GetFromJsonAsync<UserBody>("/api/users/me", Cancellation))!.Id);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints()
    {
        using var client = service.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains("/api/users/login", document);
        Assert.Contains("/api/users/{id}", document);
    }
}
