namespace Platform.Dashboard.Telemetry;

/// <summary>Spans grouped by trace, at most <see cref="TelemetryLimits.MaxSpans"/>; the earliest received go first.</summary>
public sealed class TraceStore(TelemetryLimits limits)
{
    private readonly object _gate = new();
    private readonly Queue<TelemetrySpan> _arrival = new();
    private readonly Dictionary<string, TraceEntry> _traces = new(StringComparer.Ordinal);
    private readonly ChangeSignal _changes = new();

    public long Version => _changes.Version;

    public Task<long> WaitForChangeAsync(long afterVersion, CancellationToken cancellationToken) =>
        _changes.WaitForChangeAsync(afterVersion, cancellationToken);

    public int SpanCount
    {
        get { lock (_gate) { return _arrival.Count; } }
    }

    public int TraceCount
    {
        get { lock (_gate) { return _traces.Count; } }
    }

    public void Add(IEnumerable<TelemetrySpan> spans)
    {
        var maxSpans = Math.Max(1, limits.MaxSpans);
        var added = false;
        lock (_gate)
        {
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    trace = new TraceEntry(span.TraceId);
                    _traces.Add(span.TraceId, trace);
                }
                trace.Add(span);
                _arrival.Enqueue(span);
                added = true;
            }
            while (_arrival.Count > maxSpans)
            {
                var oldest = _arrival.Dequeue();
                var trace = _traces[oldest.TraceId];
                trace.Remove(oldest);
                if (trace.IsEmpty)
                {
                    _traces.Remove(oldest.TraceId);
                }
            }
        }
        if (added)
        {
            _changes.Notify();
        }
    }

    /// <summary>Traces matching <paramref name="query"/>, newest (by start) first.</summary>
    public TelemetryPage<TraceSummary> QueryTraces(TraceQuery query)
    {
        List<TraceSummary> matching;
        lock (_gate)
        {
            matching = _traces.Values
                .Where(t => t.Matches(query))
                .Select(t => t.Summary)
                .ToList();
        }
        matching.Sort((a, b) => b.StartTime.CompareTo(a.StartTime));
        return Paging.Page(matching, query.Skip, query.Take);
    }

    /// <summary>One trace with its spans in waterfall order, or null when it is unknown (or evicted).</summary>
    public TraceDetail? GetTrace(string traceId)
    {
        lock (_gate)
        {
            return _traces.TryGetValue(traceId.ToLowerInvariant(), out var trace) ? trace.Detail() : null;
        }
    }

    /// <summary>Every trace in waterfall form, oldest first (for the export).</summary>
    public IReadOnlyList<TraceDetail> GetAllTraces()
    {
        List<TraceDetail> all;
        lock (_gate)
        {
            all = _traces.Values.Select(t => t.Detail()).ToList();
        }
        all.Sort((a, b) => a.Summary.StartTime.CompareTo(b.Summary.StartTime));
        return all;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _arrival.Clear();
            _traces.Clear();
        }
        _changes.Notify();
    }

    private sealed class TraceEntry(string traceId)
    {
        private readonly List<TelemetrySpan> _spans = [];
        private TraceSummary? _summary;

        public bool IsEmpty => _spans.Count == 0;

        public TraceSummary Summary => _summary ??= TraceLayout.Summarize(traceId, _spans);

        public void Add(TelemetrySpan span)
        {
            _spans.Add(span);
            _summary = null;
        }

        public void Remove(TelemetrySpan span)
        {
            var index = _spans.FindIndex(s => ReferenceEquals(s, span));
            if (index >= 0)
            {
                _spans.RemoveAt(index);
            }
            _summary = null;
        }

        public TraceDetail Detail() => new(Summary, TraceLayout.Waterfall(_spans));

        public bool Matches(TraceQuery query)
        {
            if (query.ErrorsOnly && !Summary.HasErrors)
            {
                return false;
            }
            if (!string.IsNullOrEmpty(query.Resource) && !_spans.Exists(s => s.Resource.Matches(query.Resource)))
            {
                return false;
            }
            var text = query.Text?.Trim();
            return string.IsNullOrEmpty(text)
                || traceId.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                || _spans.Exists(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || s.Resource.ServiceName.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || s.Attributes.AnyContains(text));
        }
    }
}
