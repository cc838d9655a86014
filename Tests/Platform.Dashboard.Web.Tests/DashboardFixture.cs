using System.Net;

namespace Platform.Dashboard.Web.Tests;

/// <summary>A small running model (Redis and a project that reads it) with its dashboard, shared by the tests of a class.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string SecretValue = "s3cret-value-never-shown";
    public const string SecretVariable = "API_SECRET_VALUE";

    public DistributedApplication App { get; private set; } = null!;

    public string DashboardUrl => App.DashboardUrl ?? throw new InvalidOperationException("The dashboard is not running.");

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:api-secret"] = SecretValue;
        var secret = builder.AddParameter("api-secret", secret: true);
        var cache = builder.AddRedis("cache");
        builder.AddProject<Projects.Platform_Hosting_TestApp>("api")
            .WithReference(cache)
            .WithEnvironment(SecretVariable, secret)
            .WithEnvironment("PLAIN_SETTING", "plain-value")
            .WithHttpHealthCheck("/health")
            .WaitFor(cache);
        App = await builder.BuildAsync(cancellation);
        await App.StartAsync(cancellation);
        await App.WaitForResourceHealthyAsync("cache", cancellationToken: cancellation);
        await App.WaitForResourceHealthyAsync("api", cancellationToken: cancellation);
    }

    /// <summary>A browser that has not logged in.</summary>
    public HttpClient CreateAnonymousClient(bool followRedirects = true) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects, UseCookies = true })
        {
            BaseAddress = new Uri(DashboardUrl),
        };

    /// <summary>A browser logged in through the current one-time login URL (which that uses up).</summary>
    public async Task<HttpClient> CreateLoggedInClientAsync()
    {
        var client = CreateAnonymousClient();
        var response = await client.GetAsync(App.GetDashboardLoginUrl(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
