using System.Net;
using System.Net.Http.Json;

namespace Platform.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class AccessTests(UsersServiceFixture service)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_cannot_see_change_or_delete_another_account()
    {
        var victim = await service.RegisterAsync(Cancellation);
        var customer = await service.RegisterAsync(Cancellation);
        using var client = service.CreateClient(customer.AccessToken);
        var replacement = TestAccount.New();

        var read = await client.GetAsync($"/api/users/{victim.Id}", Cancellation);
        var update = await client.PutAsJsonAsync($"/api/users/{victim.Id}", new { replacement.Username, replacement.Email, replacement.Password }, Cancellation);
        var delete = await client.DeleteAsync($"/api/users/{victim.Id}", Cancellation);
        var unknown = await client.GetAsync($"/api/users/{Guid.NewGuid()}", Cancellation);

        var notFound = await Problems.AssertProblemAsync(read, HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(update, HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(delete, HttpStatusCode.NotFound);
        // Another account and no account answer alike, so a customer cannot probe which ids exist.
        var noAccount = await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(notFound.GetProperty("title").GetString(), noAccount.GetProperty("title").GetString());
        Assert.Equal(victim.Email, await service.QueryScalarAsync<string>("SELECT email FROM users WHERE id = $1", Cancellation, victim.Id));
        await service.LoginAsync(victim.Email, victim.Password, Cancellation);
    }

    [Fact]
    public async Task An_admin_changes_another_account_without_its_password()
    {
        var customer = await service.RegisterAsync(Cancellation);
        using var admin = service.CreateClient(await service.LoginAsync(UsersServiceFixture.AdminEmail, UsersServiceFixture.AdminPassword, Cancellation));

        var response = await admin.PutAsJsonAsync($"/api/users/{customer.Id}", new { customer.Username, customer.Email, password = "Reset-By-Admin1" }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await service.LoginAsync(customer.Email, "Reset-By-Admin1", Cancellation);
    }
}
