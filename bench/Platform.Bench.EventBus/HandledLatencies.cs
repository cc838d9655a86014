using System.Collections.Concurrent;

namespace Platform.Bench.EventBus;

/// <summary>When each event was handled, relative to when it occurred (just before its publishing transaction).</summary>
internal sealed class HandledLatencies
{
    private readonly ConcurrentQueue<TimeSpan> _latencies = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Record(DateTimeOffset occurredAt)
    {
        _latencies.Enqueue(DateTimeOffset.UtcNow - occurredAt);
        Interlocked.Increment(ref _count);
    }

    public void Reset()
    {
        _latencies.Clear();
        Volatile.Write(ref _count, 0);
    }

    public (TimeSpan P50, TimeSpan P99, TimeSpan Max) Percentiles()
    {
        var sorted = _latencies.Order().ToArray();
        return (sorted[sorted.Length / 2], sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1], sorted[^1]);
    }
}
