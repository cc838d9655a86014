using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// Appends <see cref="DestinationResilienceHandler"/> after every other handler of a client that has the
/// standard resilience handler: only there does it see the address service discovery chose, whatever order
/// the client's handlers were added in.
/// </summary>
internal sealed class DestinationResilienceHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.AdditionalHandlers.Any(h => h is StandardResilienceHandler))
        {
            builder.AdditionalHandlers.Add(builder.Services.GetRequiredService<DestinationResilienceHandler>());
        }
    };
}
