namespace Platform.EventBus;

/// <summary>Exponential back-off: <c>first × 2^(attempt-1)</c>, capped.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max)
    {
        if (attempt < 1)
        {
            return TimeSpan.Zero;
        }
        var ticks = first.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
