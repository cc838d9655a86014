namespace Platform.Testing;

public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after <paramref name="timeout"/>,
    /// and with what <paramref name="lastSeen"/> describes.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken, Func<string>? lastSeen = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting until {what}.{(lastSeen is null ? "" : $" Last seen:{Environment.NewLine}{lastSeen()}")}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, what, cancellationToken);
}
