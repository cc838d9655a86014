namespace Platform.Dashboard.Telemetry;

/// <summary>Pure functions that turn a trace's spans into its summary and its waterfall.</summary>
public static class TraceLayout
{
    public static TraceSummary Summarize(string traceId, IReadOnlyList<TelemetrySpan> spans)
    {
        if (spans.Count == 0)
        {
            throw new ArgumentException("A trace has at least one span.", nameof(spans));
        }
        var byStart = spans.OrderBy(s => s.StartTime).ToList();
        var root = byStart.Find(s => s.ParentSpanId is null) ?? byStart[0];
        var start = byStart[0].StartTime;
        var end = spans.Max(s => s.EndTime);
        var resources = byStart.Select(s => s.Resource).DistinctBy(r => r.Key).ToList();
        return new TraceSummary(
            traceId,
            root.Name,
            root.Resource,
            resources,
            start,
            end > start ? end - start : TimeSpan.Zero,
            spans.Count,
            spans.Count(s => s.IsError));
    }

    /// <summary>
    /// Depth-first order, siblings by start time; a span whose parent is not in the trace
    /// (not received yet, or evicted) is placed as a root.
    /// </summary>
    public static IReadOnlyList<WaterfallSpan> Waterfall(IReadOnlyList<TelemetrySpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans
            .Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .GroupBy(s => s.ParentSpanId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartTime).ToList(), StringComparer.Ordinal);
        var roots = spans
            .Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId))
            .OrderBy(s => s.StartTime);

        var ordered = new List<WaterfallSpan>(spans.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<WaterfallSpan>();
        foreach (var root in roots.Reverse())
        {
            pending.Push(new WaterfallSpan(root, 0));
        }
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!visited.Add(next.Span.SpanId))
            {
                continue; // a repeated span id must not loop
            }
            ordered.Add(next);
            if (children.TryGetValue(next.Span.SpanId, out var kids))
            {
                for (var i = kids.Count - 1; i >= 0; i--)
                {
                    pending.Push(new WaterfallSpan(kids[i], next.Depth + 1));
                }
            }
        }
        // Spans caught in a parent cycle have no root: list them rather than lose them.
        ordered.AddRange(spans.Where(s => !visited.Contains(s.SpanId)).OrderBy(s => s.StartTime).Select(s => new WaterfallSpan(s, 0)));
        return ordered;
    }
}
