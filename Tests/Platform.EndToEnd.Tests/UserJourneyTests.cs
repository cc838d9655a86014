using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

[Collection(nameof(SystemCollection))]
public sealed class UserJourneyTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_registers_logs_in_reads_updates_and_deletes_itself_through_the_gateway()
    {
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var client = system.CreateGatewayClient(customer.AccessToken);

        var me = await client.GetFromJsonAsync<UserDto>("/api/users/me", Cancellation);
        Assert.Equal(customer.Email, me!.Email);
        Assert.Equal(customer.Id.ToString(), me.Id.ToString());

        var newName = customer.Username + "_x";
        using (var update = await client.PutAsJsonAsync($"/api/users/{customer.Id}", new { username = newName, email = customer.Email }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }
        Assert.Equal(newName, (await client.GetFromJsonAsync<UserDto>($"/api/users/{customer.Id}", Cancellation))!.Username);

        using (var delete = await client.DeleteAsync($"/api/users/{customer.Id}", Cancellation))
        {
            Assert.True(delete.IsSuccessStatusCode, $"delete answered {(int)delete.StatusCode}");
        }
        using var anonymous = system.CreateGatewayClient();
        using var login = await anonymous.PostAsJsonAsync("/api/users/login", new { email = customer.Email, password = customer.Password }, Cancellation);
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_customer_cannot_see_or_change_another_customer()
    {
        var alice = await system.RegisterCustomerAsync(Cancellation);
        var bob = await system.RegisterCustomerAsync(Cancellation);
        using var asAlice = system.CreateGatewayClient(alice.AccessToken);

        using var read = await asAlice.GetAsync($"/api/users/{bob.Id}", Cancellation);
        using var change = await asAlice.PutAsJsonAsync($"/api/users/{bob.Id}", new { username = "stolen_name", email = bob.Email }, Cancellation);
        using var delete = await asAlice.DeleteAsync($"/api/users/{bob.Id}", Cancellation);

        Assert.True(read.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        Assert.True(change.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        Assert.True(delete.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        using var asBob = system.CreateGatewayClient(bob.AccessToken);
        Assert.Equal(bob.Username, (await asBob.GetFromJsonAsync<UserDto>("/api/users/me", Cancellation))!.Username);
    }

    [Fact]
    public async Task Protected_routes_refuse_missing_tampered_and_foreign_tokens()
    {
        var customer = await system.RegisterCustomerAsync(Cancellation);
        var parts = customer.AccessToken.Split('.');
        var payload = JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement;
        var forged = payload.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        forged["role"] = "admin";
        var tampered = $"{parts[0]}.{Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(forged))}.{parts[2]}";

        foreach (var token in new string?[] { null, tampered, customer.AccessToken[..^4] + "AAAA", "not-a-jwt" })
        {
            using var client = system.CreateGatewayClient(token);
            using var response = await client.GetAsync("/api/users/me", Cancellation);
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    private static byte[] Base64UrlDecode(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
