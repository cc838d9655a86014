using Polly;
using Polly.Retry;
using Microsoft.Extensions.Http.Resilience;

namespace Platform.ServiceDefaults.Resilience;

public static class IdempotentRetries
{
    /// <summary>The header a caller sets to make a POST or PATCH safe to send again (orders' checkout requires one).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Keeps the standard handler's idea of a transient failure, but retries POST and PATCH only when they carry an
    /// <see cref="IdempotencyKeyHeader"/>: without one, a second attempt could act twice. GET, PUT and DELETE are
    /// idempotent and retried as the standard handler does.
    /// </summary>
    public static void RetryPostAndPatchOnlyWithIdempotencyKey(this HttpRetryStrategyOptions retry)
    {
        var isTransient = retry.ShouldHandle;
        retry.ShouldHandle = async args => await isTransient(args) && MaySendAgain(RequestOf(args));
    }

    /// <summary>
    /// The request is on the response, or for a failure without one (a refused connection, a time-out) in the
    /// resilience context, where the library's own <c>DisableForUnsafeHttpMethods</c> looks for it too.
    /// </summary>
    private static HttpRequestMessage? RequestOf(RetryPredicateArguments<HttpResponseMessage> args) =>
#pragma warning disable EXTEXP0001 // experimental in Microsoft.Extensions.Http.Resilience; DisableFor(...) is as well, and cannot allow a method conditionally
        args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
#pragma warning restore EXTEXP0001

    private static bool MaySendAgain(HttpRequestMessage? request) =>
        request is null
        || request.Method != HttpMethod.Post && request.Method != HttpMethod.Patch
        || request.Headers.Contains(IdempotencyKeyHeader);
}
