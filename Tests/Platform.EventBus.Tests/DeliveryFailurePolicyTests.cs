namespace Platform.EventBus.Tests;

public sealed class DeliveryFailurePolicyTests
{
    private static readonly EventBusOptions Options = new()
    {
        MaxDeliveryAttempts = 4,
        FirstRetryDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public void Failures_are_retried_with_doubling_capped_delays_until_the_last_attempt_dead_letters()
    {
        var decisions = Enumerable.Range(0, 4).Select(previous => DeliveryFailurePolicy.Decide(previous, permanent: false, Options)).ToList();

        Assert.Equal([1, 2, 3, 4], decisions.Select(d => d.FailedAttempts));
        Assert.Equal([false, false, false, true], decisions.Select(d => d.DeadLetter));
        Assert.Equal([1, 2, 3, 0], decisions.Select(d => d.RetryDelay.TotalSeconds));
    }

    [Fact]
    public void A_permanent_failure_is_dead_lettered_at_once()
    {
        var decision = DeliveryFailurePolicy.Decide(previousFailures: 0, permanent: true, Options);

        Assert.True(decision.DeadLetter);
        Assert.Equal(1, decision.FailedAttempts);
    }

    [Fact]
    public void The_failed_attempts_header_is_read_whatever_type_the_broker_gives_it()
    {
        Assert.Equal(0, MessageHeaders.ReadFailedAttempts(null));
        Assert.Equal(2, MessageHeaders.ReadFailedAttempts(new Dictionary<string, object?> { ["x-failed-attempts"] = 2 }));
        Assert.Equal(3, MessageHeaders.ReadFailedAttempts(new Dictionary<string, object?> { ["x-failed-attempts"] = 3L }));
        Assert.Equal(4, MessageHeaders.ReadFailedAttempts(new Dictionary<string, object?> { ["x-failed-attempts"] = "4"u8.ToArray() }));
    }
}
