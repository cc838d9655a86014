using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Resilience;
using Platform.ServiceDefaults.Web;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service of the platform gets, as Aspire's ServiceDefaults project gives it.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Configuration section of the standard resilience handler's <see cref="HttpStandardResilienceOptions"/>
    /// (e.g. <c>HttpClientResilience:Retry:MaxRetryAttempts</c>), for every HttpClient of the process.
    /// </summary>
    public const string HttpClientResilienceSection = "HttpClientResilience";

    /// <summary>
    /// OpenTelemetry, default health checks, service discovery and the standard resilience handler on every
    /// HttpClient, problem details for errors, and camelCase JSON with enums as strings.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler(options =>
                {
                    builder.Configuration.GetSection(HttpClientResilienceSection).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
                    options.Retry.RetryPostAndPatchOnlyWithIdempotencyKey();
                })
                // One circuit breaker per service called, not one for every call the process makes.
                .SelectPipelineByAuthority();
            http.AddServiceDiscovery();
        });

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, ServiceDefaultsStartupFilter>());
        return builder;
    }

    /// <summary>A "self" check tagged live, so <c>/alive</c> answers while the process can serve requests.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthEndpoints.LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness: every check) and <c>/alive</c> (liveness: checks tagged live) in every
    /// environment, answering JSON; Unhealthy answers 503, Healthy and Degraded 200.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpoints.ReadinessPath, new HealthCheckOptions { ResponseWriter = HealthReportJsonWriter.WriteAsync });
        app.MapHealthChecks(HealthEndpoints.LivenessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthEndpoints.LiveTag),
            ResponseWriter = HealthReportJsonWriter.WriteAsync,
        });
        return app;
    }
}
