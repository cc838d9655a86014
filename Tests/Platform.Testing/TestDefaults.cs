using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Testing;

public static class TestDefaults
{
    /// <summary>
    /// What every test and benchmark application needs on top of Aspire's testing builder:
    /// <list type="bullet">
    /// <item>HttpClients without the standard resilience handler the builder gives them: it retries 5xx and 429
    /// answers, so a test expecting a 504 waited for four of them, and one expecting a 429 timed out waiting
    /// for Retry-After. Tests see the first answer the system gives.</item>
    /// <item>No OTLP endpoint in the services' environment unless the test starts the dashboard: the testing
    /// builder runs none by default but still points them at localhost:4317, and flushing to nothing made each service take 10-12 s to stop, more
    /// than the 15 s in which Aspire's Stop gives up once DCP is busy.</item>
    /// </list>
    /// </summary>
    public static T WithTestDefaults<T>(this T builder) where T : IDistributedApplicationTestingBuilder
    {
#pragma warning disable EXTEXP0001 // experimental in Microsoft.Extensions.Http.Resilience, and the one way to undo AddStandardResilienceHandler
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllResilienceHandlers());
#pragma warning restore EXTEXP0001
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            if (!@event.Services.GetRequiredService<DistributedApplicationOptions>().DisableDashboard)
            {
                return Task.CompletedTask;
            }
            foreach (var resource in @event.Model.Resources.Where(r => r.HasAnnotationOfType<OtlpExporterAnnotation>()))
            {
                // Runs after Aspire's own callback, which was added with the resource.
                resource.Annotations.Add(new EnvironmentCallbackAnnotation(environment => environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
            }
            return Task.CompletedTask;
        });
        return builder;
    }
}
