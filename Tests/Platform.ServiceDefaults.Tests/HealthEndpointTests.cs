using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests;

[Collection(typeof(ServersCollection))]
public sealed class HealthEndpointTests(ServersFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Report)> GetAsync(string path)
    {
        using var client = fixture.App.CreateHttpClient("svc");
        using var response = await client.GetAsync(path, Cancellation);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static string StatusOf(JsonElement report, string entry) =>
        report.GetProperty("entries").GetProperty(entry).GetProperty("status").GetString()!;

    [Fact]
    public async Task Health_reports_every_check_as_JSON_with_status_description_and_duration()
    {
        var (status, report) = await GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var entries = report.GetProperty("entries");
        // The names Aspire's client integrations give their checks.
        Assert.Equal(["RabbitMQ.Client", "StackExchange.Redis", "TestDbContext", "self"], entries.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var entry in entries.EnumerateObject())
        {
            Assert.Equal("Healthy", entry.Value.GetProperty("status").GetString());
            Assert.True(entry.Value.GetProperty("durationMs").GetDouble() >= 0);
            Assert.True(entry.Value.TryGetProperty("description", out _));
        }
    }

    [Fact]
    public async Task Alive_reports_only_the_liveness_checks()
    {
        var (status, report) = await GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["self"], report.GetProperty("entries").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task With_Redis_stopped_health_is_Degraded_and_recovers_when_Redis_is_back()
    {
        await fixture.App.StopResourceAsync("cache", TestContext.Current.CancellationToken);
        try
        {
            var (status, report) = await Eventually.ReturnsAsync(
                () => GetAsync("/health"), r => r.Report.GetProperty("status").GetString() == "Degraded", "health to be Degraded", TimeSpan.FromSeconds(30), Cancellation);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", StatusOf(report, "StackExchange.Redis"));
            Assert.Equal("Healthy", StatusOf(report, "TestDbContext"));
        }
        finally
        {
            await fixture.App.StartResourceAsync("cache", TestContext.Current.CancellationToken);
            await fixture.App.WaitForResourceHealthyAsync("cache", cancellationToken: Cancellation);
        }

        await Eventually.ReturnsAsync(
            () => GetAsync("/health"), r => r.Report.GetProperty("status").GetString() == "Healthy", "health to be Healthy again", TimeSpan.FromSeconds(30), Cancellation);
    }
}
