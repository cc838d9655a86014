namespace Platform.Dashboard.Telemetry;

/// <summary>A version counter that waiters can await: each store bumps it after every change.</summary>
internal sealed class ChangeSignal
{
    private readonly object _gate = new();
    private long _version;
    private TaskCompletionSource _next = NewSource();

    public long Version => Interlocked.Read(ref _version);

    public void Notify()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            changed = _next;
            _next = NewSource();
        }
        changed.TrySetResult();
    }

    /// <summary>Completes with the new version as soon as it is greater than <paramref name="afterVersion"/>.</summary>
    public async Task<long> WaitForChangeAsync(long afterVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_version > afterVersion)
                {
                    return _version;
                }
                next = _next.Task;
            }
            await next.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
