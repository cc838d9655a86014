using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Builds the tracer and meter providers with the SDK's own builders (OpenTelemetry.Extensions.Hosting, which
/// would build them from the host's services, does not restore here). OTEL_* settings are read from the host's
/// configuration, so environment variables, appsettings and test configuration all count.
/// </summary>
internal static class TelemetryProviders
{
    public static TracerProvider BuildTracerProvider(IServiceProvider services)
    {
        var (configuration, environment, sources) = Inputs(services);
        var builder = Sdk.CreateTracerProviderBuilder()
            .ConfigureServices(s => s.AddSingleton(configuration))
            .ConfigureResource(r => ConfigureResource(r, configuration, environment))
            .AddSource([.. sources.ActivitySources]);
        if (IsOtlpEnabled(configuration))
        {
            builder.AddOtlpExporter(o => ApplyDefaultProtocol(o, configuration));
        }
        return builder.Build();
    }

    public static MeterProvider BuildMeterProvider(IServiceProvider services)
    {
        var (configuration, environment, sources) = Inputs(services);
        var builder = Sdk.CreateMeterProviderBuilder()
            .ConfigureServices(s => s.AddSingleton(configuration))
            .ConfigureResource(r => ConfigureResource(r, configuration, environment))
            .AddMeter([.. sources.Meters]);
        if (IsOtlpEnabled(configuration))
        {
            builder.AddOtlpExporter(o => ApplyDefaultProtocol(o, configuration));
        }
        return builder.Build();
    }

    public static bool IsOtlpEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>http/protobuf unless OTEL_EXPORTER_OTLP_PROTOCOL says otherwise (the exporter's own default is gRPC).</summary>
    public static void ApplyDefaultProtocol(OtlpExporterOptions options, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]))
        {
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
        }
    }

    /// <summary>
    /// The SDK's default resource already reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES; without
    /// OTEL_SERVICE_NAME the application name stands in for the SDK's "unknown_service".
    /// </summary>
    public static void ConfigureResource(ResourceBuilder resource, IConfiguration configuration, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
        {
            resource.AddService(environment.ApplicationName, autoGenerateServiceInstanceId: false);
        }
    }

    private static (IConfiguration, IHostEnvironment, TelemetrySourceOptions) Inputs(IServiceProvider services) => (
        services.GetRequiredService<IConfiguration>(),
        services.GetRequiredService<IHostEnvironment>(),
        services.GetRequiredService<IOptions<TelemetrySourceOptions>>().Value);
}
