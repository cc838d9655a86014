using Polly;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// The inner half of the standard resilience handler: a circuit breaker and an attempt time-out per
/// destination (scheme, host and port the request is really sent to, after service discovery), so one failing
/// replica opens only its own circuit. <see cref="DestinationResilienceHandlerFilter"/> makes it the innermost handler.
/// </summary>
public sealed class DestinationResilienceHandler(DestinationPipelines pipelines) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var destination = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Authority) : "";
        return await pipelines.For(destination).ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
    }
}
