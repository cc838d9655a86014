using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// The outer half of the standard resilience handler of Microsoft.Extensions.Http.Resilience (which it stands
/// in for): a total time-out around retries with exponential back-off and jitter. The inner half, a circuit
/// breaker and attempt time-out per destination, is <see cref="DestinationResilienceHandler"/>.
/// POST and PATCH are retried only when they carry an Idempotency-Key header.
/// </summary>
public sealed class StandardResilienceHandler : DelegatingHandler
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly ResiliencePipeline<HttpResponseMessage> retrying;
    private readonly ResiliencePipeline<HttpResponseMessage> notRetrying;

    public StandardResilienceHandler(IOptionsMonitor<HttpResilienceOptions> options, TimeProvider time)
    {
        var settings = options.CurrentValue;
        notRetrying = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(settings.TotalRequestTimeout)
            .Build();
        retrying = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(settings.TotalRequestTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(TransientHttpFailure.Is(args.Outcome)),
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                DelayGenerator = args => ValueTask.FromResult(TransientHttpFailure.RetryAfter(args.Outcome.Result, time)),
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!MayRetry(request))
        {
            return await notRetrying.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
        }

        // A retry sends the content again: buffer it so that streamed content can be read twice.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }
        return await retrying.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
    }

    private static bool MayRetry(HttpRequestMessage request) =>
        request.Method != HttpMethod.Post && request.Method != HttpMethod.Patch && request.Method != HttpMethod.Connect
        || request.Headers.Contains(IdempotencyKeyHeader);
}
