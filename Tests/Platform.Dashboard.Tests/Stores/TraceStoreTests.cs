using Platform.Dashboard.Telemetry;
using Platform.Dashboard.Tests.Support;

namespace Platform.Dashboard.Tests.Stores;

public sealed class TraceStoreTests
{
    [Fact]
    public void A_trace_is_laid_out_depth_first_with_siblings_by_start_and_orphans_as_roots()
    {
        var store = new TraceStore(new TelemetryLimits());
        store.Add([
            Make.Span("t1", "c2", parentId: "root", startMs: 30),
            Make.Span("t1", "root", startMs: 0, durationMs: 100),
            Make.Span("t1", "c1", parentId: "root", startMs: 10),
            Make.Span("t1", "g1", parentId: "c1", startMs: 12),
            Make.Span("t1", "orphan", parentId: "missing", startMs: 50),
        ]);

        var trace = store.GetTrace("t1")!;

        Assert.Equal(["root:0", "c1:1", "g1:2", "c2:1", "orphan:0"], trace.Spans.Select(s => $"{s.Span.SpanId}:{s.Depth}"));
        Assert.Equal(("root", 5, TimeSpan.FromMilliseconds(100)), (trace.Summary.RootSpanName, trace.Summary.SpanCount, trace.Summary.Duration));
        Assert.Null(store.GetTrace("unknown"));
    }

    [Fact]
    public void Traces_are_filtered_by_text_resource_and_errors_and_listed_newest_first_in_pages()
    {
        var store = new TraceStore(new TelemetryLimits());
        var orders = Make.Resource("orders", "o-1");
        var basket = Make.Resource("basket", "b-1");
        store.Add([
            Make.Span("a1", "s1", startMs: 0, name: "GET /api/orders", resource: orders),
            Make.Span("b2", "s2", startMs: 100, name: "POST /api/basket", resource: basket, status: SpanStatusCode.Error),
            Make.Span("b2", "s3", parentId: "s2", startMs: 110, name: "publish", resource: orders,
                attributes: new TelemetryAttribute("messaging.destination", "basket-checkout")),
            Make.Span("c3", "s4", startMs: 200, name: "GET /api/products", resource: Make.Resource("products")),
        ]);

        Assert.Equal(["c3", "b2", "a1"], store.QueryTraces(new()).Items.Select(t => t.TraceId));
        Assert.Equal(["b2", "a1"], store.QueryTraces(new(Resource: "orders")).Items.Select(t => t.TraceId));
        Assert.Equal(["b2", "a1"], store.QueryTraces(new(Resource: "orders/o-1")).Items.Select(t => t.TraceId));
        Assert.Equal(["b2"], store.QueryTraces(new(ErrorsOnly: true)).Items.Select(t => t.TraceId));
        Assert.Equal(["b2"], store.QueryTraces(new(Text: "CHECKOUT")).Items.Select(t => t.TraceId));
        Assert.Equal(["c3", "a1"], store.QueryTraces(new(Text: "get /api")).Items.Select(t => t.TraceId));
        Assert.Equal(["c3"], store.QueryTraces(new(Text: "c3")).Items.Select(t => t.TraceId));

        var page = store.QueryTraces(new(Skip: 1, Take: 1));
        Assert.Equal((3, "b2"), (page.TotalCount, page.Items.Single().TraceId));

        var b2 = store.QueryTraces(new(Text: "b2")).Items.Single();
        Assert.Equal(("POST /api/basket", "basket", 1, 2), (b2.RootSpanName, b2.RootResource.ServiceName, b2.ErrorCount, b2.SpanCount));
        Assert.Equal(["basket/b-1", "orders/o-1"], b2.Resources.Select(r => r.Key));
    }

    [Fact]
    public void The_span_limit_evicts_the_earliest_received_spans_and_empty_traces()
    {
        var store = new TraceStore(new TelemetryLimits { MaxSpans = 3 });
        store.Add([Make.Span("t1", "a"), Make.Span("t1", "b", parentId: "a")]);
        store.Add([Make.Span("t2", "c"), Make.Span("t3", "d")]);

        Assert.Equal((3, 3), (store.SpanCount, store.TraceCount));
        Assert.Equal(["b"], store.GetTrace("t1")!.Spans.Select(s => s.Span.SpanId));

        store.Add([Make.Span("t4", "e")]);
        Assert.Null(store.GetTrace("t1"));
        Assert.Equal((3, 3), (store.SpanCount, store.TraceCount));
    }

    [Fact]
    public async Task Waiters_are_woken_by_a_change_and_not_before()
    {
        var store = new TraceStore(new TelemetryLimits());
        var version = store.Version;
        var waiting = store.WaitForChangeAsync(version, TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);

        store.Add([Make.Span("t1", "a")]);

        Assert.Equal(version + 1, await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.Equal(store.Version, await store.WaitForChangeAsync(version, TestContext.Current.CancellationToken));

        using var cancel = new CancellationTokenSource(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WaitForChangeAsync(store.Version, cancel.Token));
    }
}
