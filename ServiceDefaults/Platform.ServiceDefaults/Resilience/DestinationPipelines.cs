using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace Platform.ServiceDefaults.Resilience;

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
                    ShouldHandle = args => ValueTask.FromResult(TransientHttpFailure.Is(args.Outcome)),
                    FailureRatio = settings.CircuitBreakerFailureRatio,
                    MinimumThroughput = settings.CircuitBreakerMinimumThroughput,
                    SamplingDuration = settings.CircuitBreakerSamplingDuration,
                    BreakDuration = settings.CircuitBreakerBreakDuration,
                })
                .AddTimeout(settings.AttemptTimeout);
        });

    public ValueTask DisposeAsync() => registry.DisposeAsync();
}
