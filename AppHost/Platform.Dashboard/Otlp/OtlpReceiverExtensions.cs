using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Dashboard.Telemetry;

namespace Platform.Dashboard.Otlp;

public static class OtlpReceiverExtensions
{
    /// <summary>
    /// Options from "Dashboard:Otlp" (<see cref="OtlpReceiverOptions"/>) and "Dashboard:Telemetry"
    /// (<see cref="TelemetryLimits"/>); the stores and <see cref="TelemetryExport"/> as singletons.
    /// </summary>
    public static IServiceCollection AddOtlpReceiver(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OtlpReceiverOptions>(configuration.GetSection(OtlpReceiverOptions.SectionName));
        services.Configure<TelemetryLimits>(configuration.GetSection(TelemetryLimits.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TelemetryLimits>>().Value);
        services.AddSingleton<ResourceStore>();
        services.AddSingleton<TraceStore>();
        services.AddSingleton<LogStore>();
        services.AddSingleton<MetricStore>();
        services.AddSingleton<TelemetryExport>();
        return services;
    }

    /// <summary>POST /v1/traces, /v1/metrics and /v1/logs (OTLP/HTTP protobuf), guarded by the x-otlp-api-key header.</summary>
    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder endpoints)
    {
        var otlp = endpoints.MapGroup("/v1")
            .AllowAnonymous() // the API key guards these, not the dashboard's own sign-in
            .DisableAntiforgery();
        otlp.MapPost("/traces", OtlpEndpoints.ReceiveTracesAsync);
        otlp.MapPost("/metrics", OtlpEndpoints.ReceiveMetricsAsync);
        otlp.MapPost("/logs", OtlpEndpoints.ReceiveLogsAsync);
        return endpoints;
    }
}
