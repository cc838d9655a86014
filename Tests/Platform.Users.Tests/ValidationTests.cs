using System.Net;
using System.Net.Http.Json;

namespace Platform.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class ValidationTests(UsersServiceFixture service)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string?, string?, string?> InvalidRegistrations => new()
    {
        // field, username, email, password; null username/email means a unique valid one
        { "username", "", null, "Valid-Pass1" },
        { "username", "ab", null, "Valid-Pass1" },
        { "username", new string('a', 33), null, "Valid-Pass1" },
        { "username", "has space", null, "Valid-Pass1" },
        { "username", "emoji😀x", null, "Valid-Pass1" },
        { "email", null, "", "Valid-Pass1" },
        { "email", null, "not-an-email", "Valid-Pass1" },
        { "email", null, "two@@example.test", "Valid-Pass1" },
        { "email", null, "Name <name@example.test>", "Valid-Pass1" },
        { "email", null, new string('a', 243) + "@example.test", "Valid-Pass1" },
        { "password", null, null, "" },
        { "password", null, null, "Sh0rt-a" },
        { "password", null, null, "Aa1" + new string('x', 126) },
        { "password", null, null, "no-upper-1" },
        { "password", null, null, "NO-LOWER-1" },
        { "password", null, null, "No-Digits-Here" },
        { "password", "same-name", null, "xSAME-NAME1x" },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task Each_rule_answers_400_naming_the_field(string field, string? username, string? email, string? password)
    {
        var unique = TestAccount.New();
        using var client = service.CreateClient();
        var before = await service.CountUsersAsync(Cancellation);

        var response = await client.PostAsJsonAsync("/api/users",
            new { username = username ?? unique.Username, email = email ?? unique.Email, password }, Cancellation);

        await Problems.AssertValidationProblemAsync(response, field);
        Assert.Equal(before, await service.CountUsersAsync(Cancellation));
    }

    [Fact]
    public async Task Missing_fields_are_each_named()
    {
        using var client = service.CreateClient();

        var response = await client.PostJsonTextAsync("/api/users", "{}");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "username", "email", "password" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for '{field}'.");
        }
    }

    [Fact]
    public async Task Update_applies_the_same_rules()
    {
        var account = await service.RegisterAsync(Cancellation);
        using var client = service.CreateClient(account.AccessToken);

        var badEmail = await client.PutAsJsonAsync($"/api/users/{account.Id}", new { account.Username, email = "nope" }, Cancellation);
        var badPassword = await client.PutAsJsonAsync($"/api/users/{account.Id}",
            new { account.Username, account.Email, password = "weak", currentPassword = account.Password }, Cancellation);

        await Problems.AssertValidationProblemAsync(badEmail, "email");
        await Problems.AssertValidationProblemAsync(badPassword, "password");
        Assert.Equal(account.Email, await service.QueryScalarAsync<string>("SELECT email FROM users WHERE id = $1", Cancellation, account.Id));
    }

    [Fact]
    public async Task Taken_email_or_username_in_any_case_answers_409_naming_the_field()
    {
        var existing = await service.RegisterAsync(Cancellation);
        var other = TestAccount.New();
        using var client = service.CreateClient();
        var before = await service.CountUsersAsync(Cancellation);

        var sameEmail = await client.PostAsJsonAsync("/api/users",
            new { other.Username, email = existing.Email.ToUpperInvariant(), other.Password }, Cancellation);
        var sameUsername = await client.PostAsJsonAsync("/api/users",
            new { username = existing.Username.ToUpperInvariant(), other.Email, other.Password }, Cancellation);

        await Problems.AssertErrorsNameAsync(sameEmail, HttpStatusCode.Conflict, "email");
        await Problems.AssertErrorsNameAsync(sameUsername, HttpStatusCode.Conflict, "username");
        Assert.Equal(before, await service.CountUsersAsync(Cancellation));
    }

    [Fact]
    public async Task Updating_to_another_accounts_email_answers_409()
    {
        var first = await service.RegisterAsync(Cancellation);
        var second = await service.RegisterAsync(Cancellation);
        using var client = service.CreateClient(second.AccessToken);

        var response = await client.PutAsJsonAsync($"/api/users/{second.Id}", new { second.Username, email = first.Email.ToUpperInvariant() }, Cancellation);

        await Problems.AssertErrorsNameAsync(response, HttpStatusCode.Conflict, "email");
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_create_one_account()
    {
        var account = TestAccount.New();
        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            using var client = service.CreateClient();
            return await client.PostAsJsonAsync("/api/users", new { username = $"{account.Username}{i}", email = account.Email, account.Password }, Cancellation);
        });

        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1L, await service.QueryScalarAsync<long>("SELECT count(*) FROM users WHERE email = $1", Cancellation, account.Email));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "malformed JSON", """{"username": "abc", "email": """ },
        { "not an object", "[1, 2, 3]" },
        { "wrong types", """{"username": 42, "email": true, "password": {"a": 1}}""" },
        { "missing body", "" },
        { "1 MB string", $$"""{"username": "{{new string('a', 1 << 20)}}", "email": "a@example.test", "password": "Valid-Pass1"}""" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_answer_4xx_and_write_nothing(string what, string body)
    {
        using var client = service.CreateClient();
        var before = await service.CountUsersAsync(Cancellation);

        var register = await client.PostJsonTextAsync("/api/users", body);
        var login = await client.PostJsonTextAsync("/api/users/login", body);

        Assert.True((int)register.StatusCode is >= 400 and < 500, $"{what}: register answered {(int)register.StatusCode}");
        Assert.True((int)login.StatusCode is >= 400 and < 500 and not 401, $"{what}: login answered {(int)login.StatusCode}");
        Assert.Equal(before, await service.CountUsersAsync(Cancellation));
    }
}
