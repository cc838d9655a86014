using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Platform.ServiceDefaults.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

public static class ResilienceExtensions
{
    /// <summary>
    /// Adds the standard resilience handler (stand-in for Microsoft.Extensions.Http.Resilience's
    /// <c>AddStandardResilienceHandler</c>): total and attempt time-outs, retries, a circuit breaker per destination.
    /// Settings come from configuration section <c>HttpClientResilience</c> or <c>Configure&lt;HttpResilienceOptions&gt;</c>.
    /// </summary>
    public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HttpResilienceOptions>().BindConfiguration(HttpResilienceOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DestinationPipelines>();
        services.TryAddTransient<StandardResilienceHandler>();
        services.TryAddTransient<DestinationResilienceHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, DestinationResilienceHandlerFilter>());
        return builder.AddHttpMessageHandler<StandardResilienceHandler>();
    }
}
