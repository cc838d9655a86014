using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.EventBus;

namespace Platform.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class AccountLifecycleTests(UsersServiceFixture service)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_login_read_update_and_delete_an_account()
    {
        var account = TestAccount.New();
        using var anonymous = service.CreateClient();

        var registered = await anonymous.PostAsJsonAsync("/api/users", new { account.Username, account.Email, account.Password }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var created = (await registered.Content.ReadFromJsonAsync<UserBody>(Cancellation))!;
        Assert.Equal((account.Username, account.Email), (created.Username, created.Email));
        Assert.Equal($"/api/users/{created.Id}", registered.Headers.Location?.OriginalString);

        var login = await anonymous.PostAsJsonAsync("/api/users/login", new { account.Email, account.Password }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<TokenBody>(Cancellation))!;
        Assert.InRange(token.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));

        using var client = service.CreateClient(token.AccessToken);
        Assert.Equal(created, await client.GetFromJsonAsync<UserBody>("/api/users/me", Cancellation));
        Assert.Equal(created, await client.GetFromJsonAsync<UserBody>($"/api/users/{created.Id}", Cancellation));

        var renamed = TestAccount.New();
        var updated = await client.PutAsJsonAsync($"/api/users/{created.Id}",
            new { renamed.Username, renamed.Email, password = renamed.Password, currentPassword = account.Password }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(new UserBody(created.Id, renamed.Username, renamed.Email), await updated.Content.ReadFromJsonAsync<UserBody>(Cancellation));
        await service.LoginAsync(renamed.Email, renamed.Password, Cancellation);

        var deleted = await client.DeleteAsync($"/api/users/{created.Id}", Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/users/me", Cancellation)).StatusCode);
        Assert.Equal(0L, await service.QueryScalarAsync<long>("SELECT count(*) FROM users WHERE id = $1", Cancellation, created.Id));

        var registeredEvent = await service.Events.WaitForAsync(EventNames.Of<UserRegistered>(), created.Id, Cancellation);
        Assert.Equal(account.Username, registeredEvent.GetProperty("username").GetString());
        Assert.Equal(account.Email, registeredEvent.GetProperty("email").GetString());
        await service.Events.WaitForAsync(EventNames.Of<UserDeleted>(), created.Id, Cancellation);
    }

    [Fact]
    public async Task A_changed_password_needs_the_current_one()
    {
        var account = await service.RegisterAsync(Cancellation);
        using var client = service.CreateClient(account.AccessToken);

        var response = await client.PutAsJsonAsync($"/api/users/{account.Id}",
            new { account.Username, account.Email, password = "Another-Pass1", currentPassword = "Wrong-Pass1" }, Cancellation);

        await Problems.AssertValidationProblemAsync(response, "currentPassword");
        await service.LoginAsync(account.Email, account.Password, Cancellation);
    }

    [Fact]
    public async Task A_changed_email_is_announced_to_the_other_services()
    {
        var account = await service.RegisterAsync(Cancellation);
        using var client = service.CreateClient(account.AccessToken);
        var newEmail = $"moved.{Guid.NewGuid():N}@example.test";

        using var response = await client.PutAsJsonAsync($"/api/users/{account.Id}", new { account.Username, email = newEmail }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await service.Events.WaitForAsync(EventNames.Of<UserUpdated>(), account.Id, Cancellation);
        Assert.Equal(newEmail, updated.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        var account = await service.RegisterAsync(Cancellation);

        var hash = await service.QueryScalarAsync<string>("SELECT password_hash FROM users WHERE id = $1", Cancellation, account.Id);

        Assert.NotNull(hash);
        Assert.DoesNotContain(account.Password, hash);
        // ASP.NET Core Identity's v3 format: a 0x01 marker byte, PBKDF2 parameters, salt and subkey, base64.
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
    }

    [Fact]
    public async Task The_seeded_admin_reads_and_deletes_any_account()
    {
        var customer = await service.RegisterAsync(Cancellation);
        using var admin = service.CreateClient(await service.LoginAsync(UsersServiceFixture.AdminEmail, UsersServiceFixture.AdminPassword, Cancellation));

        var me = await admin.GetFromJsonAsync<UserBody>("/api/users/me", Cancellation);
        Assert.Equal(UsersServiceFixture.AdminUsername, me!.Username);
        Assert.Equal("admin", await service.QueryScalarAsync<string>("SELECT role FROM users WHERE id = $1", Cancellation, me.Id));

        Assert.Equal(customer.Email, (await admin.GetFromJsonAsync<UserBody>($"/api/users/{customer.Id}", Cancellation))!.Email);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/users/{customer.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/users/{customer.Id}", Cancellation)).StatusCode);
        await service.Events.WaitForAsync(EventNames.Of<UserDeleted>(), customer.Id, Cancellation);
    }

    [Fact]
    public async Task Text_that_looks_like_SQL_is_stored_and_returned_verbatim()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var username = $"users--{tag}";
        var email = $"robert'or'1'='1.{tag}@example.test";
        const string password = "'); DROP TABLE users;--Aa1";
        using var client = service.CreateClient();

        var response = await client.PostAsJsonAsync("/api/users", new { username, email, password }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<UserBody>(Cancellation))!;
        Assert.Equal((username, email), (created.Username, created.Email));
        Assert.Equal(email, await service.QueryScalarAsync<string>("SELECT email FROM users WHERE id = $1", Cancellation, created.Id));
        await service.LoginAsync(email, password, Cancellation);
    }
}
