using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

public static class OpenTelemetryExtensions
{
    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        var ownName = builder.Environment.ApplicationName;
        services.Configure<TelemetrySourceOptions>(sources =>
        {
            sources.ActivitySources.UnionWith(["Microsoft.AspNetCore", "System.Net.Http", ownName, "Platform.*"]);
            sources.Meters.UnionWith(["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime", ownName, "Platform.*"]);
        });
        services.AddSingleton(TelemetryProviders.BuildTracerProvider);
        services.AddSingleton(TelemetryProviders.BuildMeterProvider);
        services.AddHostedService<TelemetryProvidersHostedService>();

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        var configuration = builder.Configuration;
        services.ConfigureOpenTelemetryLoggerProvider(logs =>
        {
            logs.ConfigureResource(r => TelemetryProviders.ConfigureResource(r, configuration, builder.Environment));
            if (TelemetryProviders.IsOtlpEnabled(configuration))
            {
                logs.AddOtlpExporter(o => TelemetryProviders.ApplyDefaultProtocol(o, configuration));
            }
        });
        return builder;
    }
}
