using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Health;

namespace Microsoft.Extensions.Hosting;

public static class OpenTelemetryExtensions
{
    /// <summary>The names of the HttpClients the OTLP exporters ask IHttpClientFactory for.</summary>
    private static readonly string[] OtlpExporterHttpClients = ["OtlpTraceExporter", "OtlpMetricExporter", "OtlpLogExporter"];

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry, as the Aspire service-defaults template sets them up;
    /// exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Health probes make no spans. The client
    /// integrations add the sources of Npgsql, Redis and RabbitMQ.Client themselves.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var ownName = builder.Environment.ApplicationName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ownName, "Platform.*")
                // EF Core's own meter: Aspire's EF integration adds only Npgsql's.
                .AddMeter("Microsoft.EntityFrameworkCore"))
            .WithTracing(tracing => tracing
                .AddSource(ownName, "Platform.*")
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !HealthEndpoints.IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
            // The exporters' HttpClients (from IHttpClientFactory) go without the standard resilience handler: they
            // retry on their own, and export what is left while the container is disposed, when the handler's
            // pipelines are already gone (ObjectDisposedException, and the last spans and logs were lost).
            foreach (var exporter in OtlpExporterHttpClients)
            {
#pragma warning disable EXTEXP0001 // experimental in Microsoft.Extensions.Http.Resilience, and the one way to undo AddStandardResilienceHandler
                builder.Services.AddHttpClient(exporter).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
            }
        }
        return builder;
    }
}
