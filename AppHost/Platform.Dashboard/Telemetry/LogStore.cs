namespace Platform.Dashboard.Telemetry;

/// <summary>Structured log records, at most <see cref="TelemetryLimits.MaxLogRecords"/>; the earliest received go first.</summary>
public sealed class LogStore(TelemetryLimits limits)
{
    private readonly object _gate = new();
    private readonly Queue<TelemetryLogRecord> _records = new();
    private readonly ChangeSignal _changes = new();
    private long _lastId;

    public long Version => _changes.Version;

    public Task<long> WaitForChangeAsync(long afterVersion, CancellationToken cancellationToken) =>
        _changes.WaitForChangeAsync(afterVersion, cancellationToken);

    public int Count
    {
        get { lock (_gate) { return _records.Count; } }
    }

    /// <summary>Stores the records, each given the next <see cref="TelemetryLogRecord.Id"/> (the Id passed in is ignored).</summary>
    public void Add(IEnumerable<TelemetryLogRecord> records)
    {
        var max = Math.Max(1, limits.MaxLogRecords);
        var added = false;
        lock (_gate)
        {
            foreach (var record in records)
            {
                _records.Enqueue(record with { Id = ++_lastId });
                added = true;
            }
            while (_records.Count > max)
            {
                _records.Dequeue();
            }
        }
        if (added)
        {
            _changes.Notify();
        }
    }

    /// <summary>Records matching <paramref name="query"/>, newest (by timestamp, then arrival) first.</summary>
    public TelemetryPage<TelemetryLogRecord> QueryLogs(LogQuery query)
    {
        List<TelemetryLogRecord> matching;
        lock (_gate)
        {
            matching = _records.Where(r => Matches(r, query)).ToList();
        }
        matching.Sort((a, b) => a.Time != b.Time ? b.Time.CompareTo(a.Time) : b.Id.CompareTo(a.Id));
        return Paging.Page(matching, query.Skip, query.Take);
    }

    /// <summary>Every record in arrival order (for the export).</summary>
    public IReadOnlyList<TelemetryLogRecord> GetAll()
    {
        lock (_gate)
        {
            return _records.ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
        _changes.Notify();
    }

    private static bool Matches(TelemetryLogRecord record, LogQuery query)
    {
        if (record.SeverityNumber < query.MinSeverity)
        {
            return false;
        }
        if (!string.IsNullOrEmpty(query.Resource) && !record.Resource.Matches(query.Resource))
        {
            return false;
        }
        if (!string.IsNullOrEmpty(query.TraceId) && !string.Equals(record.TraceId, query.TraceId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var text = query.Text?.Trim();
        return string.IsNullOrEmpty(text)
            || record.Body.Contains(text, StringComparison.OrdinalIgnoreCase)
            || record.Category.Contains(text, StringComparison.OrdinalIgnoreCase)
            || record.Attributes.AnyContains(text);
    }
}
