using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

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

/// <summary>One circuit breaker and attempt time-out per destination, shared by every client of the application.</summary>
public sealed class DestinationPipelines(IOptionsMonitor<HttpResilienceOptions> options, TimeProvider time) : IAsyncDisposable
{
    private readonly ResiliencePipelineRegistry<string> registry = new();

    public ResiliencePipeline<HttpResponseMessage> For(string destination) =>
        registry.GetOrAddPipeline<HttpResponseMessage>(destination, builder =>
        {
            var settings = options.CurrentValue;
            builder.TimeProvider = time;
            builder
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
                {
                    ShouldHandle = args => TransientHttpFailure.IsAsync(args.Outcome, args),
                    FailureRatio = settings.CircuitBreakerFailureRatio,
                    MinimumThroughput = settings.CircuitBreakerMinimumThroughput,
                    SamplingDuration = settings.CircuitBreakerSamplingDuration,
                    BreakDuration = settings.CircuitBreakerBreakDuration,
                })
                .AddTimeout(settings.AttemptTimeout);
        });

    public ValueTask DisposeAsync() => registry.DisposeAsync();
}
