using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Tests;

/// <summary>Problem details for every error and the JSON conventions, on a real Kestrel app with the defaults.</summary>
public sealed class WebDefaultsTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/boom", object () => throw new InvalidOperationException("boom"));
        app.MapGet("/order", () => new { OrderId = 7, Status = OrderStatus.Confirmed });
        await app.StartAsync(TestContext.Current.CancellationToken);
        client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("/boom", HttpStatusCode.InternalServerError)]
    [InlineData("/no-such-thing", HttpStatusCode.NotFound)]
    public async Task Errors_answer_an_RFC_7807_problem_document(string path, HttpStatusCode status)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task JSON_is_camelCase_with_enums_as_strings()
    {
        var json = await client.GetStringAsync("/order", TestContext.Current.CancellationToken);

        Assert.Equal("""{"orderId":7,"status":"Confirmed"}""", json);
    }

    [Fact]
    public async Task Liveness_answers_JSON_from_the_checks_tagged_live()
    {
        using var report = JsonDocument.Parse(await client.GetStringAsync("/alive", TestContext.Current.CancellationToken));

        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(["self"], report.RootElement.GetProperty("entries").EnumerateObject().Select(e => e.Name));
    }

    public enum OrderStatus { Pending, Confirmed }
}
