namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>Polls a condition until it holds or a time-out fails the test with what was awaited.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken) =>
        await ReturnsAsync(() => Task.FromResult(condition()), ok => ok, what, timeout, cancellationToken);

    public static async Task<T> ReturnsAsync<T>(
        Func<Task<T>> probe, Func<T, bool> isDone, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                var value = await probe();
                if (isDone(value))
                {
                    return value;
                }
                lastError = null;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastError = error;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.", lastError);
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
