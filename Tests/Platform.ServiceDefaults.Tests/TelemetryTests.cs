using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests;

/// <summary>Alone, because the SDK's listeners see every activity of the process.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(typeof(TelemetryCollection))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_request_sends_spans_metrics_and_logs_over_OTLP_http_protobuf_and_a_health_probe_no_span()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var receiver = await OtlpReceiver.StartAsync(cancellation);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=test-key",
            ["OTEL_SERVICE_NAME"] = "catalog-under-test",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=catalog-under-test-0",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/api/products/{id}", (int id, ILogger<TelemetryTests> logger) =>
        {
            logger.LogInformation("Looking up product {ProductId}", id);
            return new { id };
        });
        await app.StartAsync(cancellation);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            (await client.GetAsync("/api/products/42", cancellation)).EnsureSuccessStatusCode();
            (await client.GetAsync("/health", cancellation)).EnsureSuccessStatusCode();
        }
        finally
        {
            await app.StopAsync(cancellation);
            await app.DisposeAsync();
        }

        await receiver.WaitForAsync("traces", "GET /api/products/{id}", cancellation);
        await receiver.WaitForAsync("metrics", "http.server.request.duration", cancellation);
        await receiver.WaitForAsync("logs", "Looking up product 42", cancellation);
        foreach (var export in receiver.Received("traces").Concat(receiver.Received("metrics")).Concat(receiver.Received("logs")))
        {
            Assert.Equal("application/x-protobuf", export.ContentType);
            Assert.Equal("test-key", export.Headers["x-otlp-api-key"]);
            Assert.True(export.Contains("catalog-under-test-0"), $"{export.Signal} export lacks the resource attributes");
        }

        var serverSpans = receiver.Received("traces").SelectMany(e => OtlpSpans.Read(e.Body)).Where(s => s.Kind == OtlpSpans.ServerKind).ToList();
        var span = Assert.Single(serverSpans); // none for /health
        Assert.Equal("GET /api/products/{id}", span.Name);
        Assert.Equal("GET", span.Attributes["http.request.method"]);
        Assert.Equal("/api/products/42", span.Attributes["url.path"]);
        Assert.Equal("/api/products/{id}", span.Attributes["http.route"]);
        Assert.Equal(200L, span.Attributes["http.response.status_code"]);
    }
}
