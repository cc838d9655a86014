using System.Net;
using System.Net.Http.Json;

namespace Platform.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class LoginTests(UsersServiceFixture service)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrong_password_and_unknown_email_answer_the_same_401()
    {
        var account = await service.RegisterAsync(Cancellation);
        using var client = service.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/users/login", new { account.Email, password = "Wrong-Pass1" }, Cancellation);
        var unknownEmail = await client.PostAsJsonAsync("/api/users/login", new { email = TestAccount.New().Email, password = "Wrong-Pass1" }, Cancellation);

        var first = await Problems.AssertProblemAsync(wrongPassword, HttpStatusCode.Unauthorized);
        var second = await Problems.AssertProblemAsync(unknownEmail, HttpStatusCode.Unauthorized);
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
        Assert.Equal(first.GetProperty("type").GetString(), second.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Email_is_matched_case_insensitively()
    {
        var account = await service.RegisterAsync(Cancellation);

        await service.LoginAsync(account.Email.ToUpperInvariant(), account.Password, Cancellation);
    }

    [Fact]
    public async Task Five_failures_for_an_email_throttle_it_even_from_other_addresses()
    {
        var account = await service.RegisterAsync(Cancellation);
        for (var i = 0; i < 5; i++)
        {
            using var attacker = service.CreateClient();
            var failed = await attacker.PostAsJsonAsync("/api/users/login", new { account.Email, password = $"Wrong-Pass{i}" }, Cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var client = service.CreateClient();
        var throttled = await client.PostAsJsonAsync("/api/users/login", new { account.Email, account.Password }, Cancellation);

        await Problems.AssertProblemAsync(throttled, HttpStatusCode.TooManyRequests);
        Assert.InRange(throttled.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Five_failures_from_an_address_throttle_it_for_every_email()
    {
        var account = await service.RegisterAsync(Cancellation);
        using var client = service.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/users/login", new { email = TestAccount.New().Email, password = "Wrong-Pass1" }, Cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var throttled = await client.PostAsJsonAsync("/api/users/login", new { account.Email, account.Password }, Cancellation);

        await Problems.AssertProblemAsync(throttled, HttpStatusCode.TooManyRequests);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        await service.LoginAsync(account.Email, account.Password, Cancellation); // from another address
    }
}
