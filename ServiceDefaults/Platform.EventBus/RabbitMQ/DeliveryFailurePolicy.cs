namespace Platform.EventBus;

/// <summary>What becomes of a message whose handling failed.</summary>
internal readonly record struct DeliveryFailureDecision(bool DeadLetter, int FailedAttempts, TimeSpan RetryDelay);

internal static class DeliveryFailurePolicy
{
    /// <param name="previousFailures">Failures recorded on the message before this one.</param>
    /// <param name="permanent">The message can never be handled (unknown event, unreadable body): no retries.</param>
    public static DeliveryFailureDecision Decide(int previousFailures, bool permanent, EventBusOptions options)
    {
        var failed = previousFailures + 1;
        return permanent || failed >= options.MaxDeliveryAttempts
            ? new DeliveryFailureDecision(DeadLetter: true, failed, TimeSpan.Zero)
            : new DeliveryFailureDecision(DeadLetter: false, failed, Backoff.Delay(failed, options.FirstRetryDelay, options.MaxRetryDelay));
    }
}
