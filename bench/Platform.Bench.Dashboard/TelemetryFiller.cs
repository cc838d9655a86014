using Platform.Dashboard.Telemetry;

namespace Platform.Bench.Dashboard;

/// <summary>
/// Fills the stores to their default limits with telemetry shaped like the shop's: checkout traces that cross the
/// gateway, basket, orders (two instances), products and users; logs, a third inside traces; metric series.
/// </summary>
internal sealed class TelemetryFiller(ResourceStore resources, TraceStore traces, LogStore logs, MetricStore metrics, TelemetryLimits limits)
{
    public const string ChartMeter = "Microsoft.AspNetCore.Hosting";
    public const string ChartInstrument = "http.server.request.duration";
    public const int LargeTraceSpans = 2_000;

    private static readonly string[] Routes = ["GET /api/products", "GET /api/products/{id}", "POST /api/basket/items", "POST /api/orders", "GET /api/orders/{id}", "POST /api/users/login"];
    private static readonly string[] Messages =
    [
        "Request finished HTTP/1.1 {0} - 200 - application/json 12.3ms", "Executed endpoint '{0}'",
        "Order {1} placed for customer 42 with 3 items", "Outbox message {1} published to orders.placed",
        "Cache miss for {0}; loading from PostgreSQL", "Connection to RabbitMQ re-established after timeout",
        "Payment for order {1} declined: insufficient funds", "Slow query on products took 812 ms",
    ];

    private readonly Random _random = new(7);
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddHours(-1);
    private TelemetryResource[] _resources = [];

    /// <summary>The trace id of the one very large trace (<see cref="LargeTraceSpans"/> spans).</summary>
    public string LargeTraceId { get; private set; } = "";

    public TelemetryResource ChartResource => _resources[2];

    public void Fill()
    {
        _resources =
        [
            resources.GetOrAdd("gateway", null, Attributes("service.name", "gateway")),
            resources.GetOrAdd("basket", null, Attributes("service.name", "basket")),
            resources.GetOrAdd("orders", "orders-0", Attributes("service.name", "orders", "service.instance.id", "orders-0")),
            resources.GetOrAdd("orders", "orders-1", Attributes("service.name", "orders", "service.instance.id", "orders-1")),
            resources.GetOrAdd("products", null, Attributes("service.name", "products")),
            resources.GetOrAdd("users", null, Attributes("service.name", "users")),
        ];
        FillTraces();
        FillLogs();
        FillMetrics();
    }

    /// <summary>One more trace and log record now, as a running system would send them (for --serve).</summary>
    public void AddLive(int number)
    {
        var spans = new List<TelemetrySpan>();
        var traceId = NewId(16);
        AddTrace(spans, traceId, 5, DateTimeOffset.UtcNow);
        traces.Add(spans);
        logs.Add([new TelemetryLogRecord(0, DateTimeOffset.UtcNow, LogSeverity.Information, "Information", $"Live record {number}",
            Attributes("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture)), traceId, spans[0].SpanId, _resources[0], "Bench.Live")]);
    }

    private void FillTraces()
    {
        var spans = new List<TelemetrySpan>(limits.MaxSpans);
        LargeTraceId = NewId(16);
        AddTrace(spans, LargeTraceId, LargeTraceSpans, _start.AddMinutes(1));
        for (var i = 0; spans.Count < limits.MaxSpans; i++)
        {
            AddTrace(spans, NewId(16), Math.Min(4 + _random.Next(9), limits.MaxSpans - spans.Count), _start.AddMilliseconds(i * 250));
        }
        traces.Add(spans);
    }

    /// <summary>A root on the gateway, then nested calls across the services, a few failing.</summary>
    private void AddTrace(List<TelemetrySpan> spans, string traceId, int count, DateTimeOffset start)
    {
        var route = Routes[_random.Next(Routes.Length)];
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = NewId(8);
            var parent = i == 0 ? null : ids[_random.Next(Math.Max(0, ids.Count - 3), ids.Count)];
            var resource = i == 0 ? _resources[0] : _resources[1 + _random.Next(_resources.Length - 1)];
            var begin = start.AddMilliseconds(i * 0.8);
            var failed = _random.Next(40) == 0;
            spans.Add(new TelemetrySpan(traceId, id, parent, i == 0 ? route : i % 3 == 0 ? "SELECT products" : route,
                i == 0 ? SpanKind.Server : i % 3 == 0 ? SpanKind.Client : SpanKind.Server,
                begin, begin.AddMilliseconds(1 + _random.Next(Math.Max(2, (count - i) * 2))),
                failed ? SpanStatusCode.Error : SpanStatusCode.Unset, failed ? "An exception was thrown" : null,
                Attributes("http.request.method", route.Split(' ')[0], "url.path", route.Split(' ')[1], "http.response.status_code", failed ? "500" : "200",
                    "server.address", "127.0.0.1", "network.protocol.version", "1.1", "user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131"),
                failed ? [new SpanEvent("exception", begin, Attributes("exception.type", "System.TimeoutException", "exception.message", "The operation timed out"))] : [],
                [], resource, new TelemetryScope("Microsoft.AspNetCore", "10.0.0")));
            ids.Add(id);
        }
    }

    private void FillLogs()
    {
        var records = new List<TelemetryLogRecord>(limits.MaxLogRecords);
        for (var i = 0; i < limits.MaxLogRecords; i++)
        {
            var severity = _random.Next(20) switch { 0 => LogSeverity.Error, < 3 => LogSeverity.Warning, < 5 => LogSeverity.Debug, _ => LogSeverity.Information };
            var route = Routes[_random.Next(Routes.Length)];
            var body = string.Format(Messages[_random.Next(Messages.Length)], route, 10_000 + i);
            records.Add(new TelemetryLogRecord(0, _start.AddMilliseconds(i * 70), severity, LogSeverity.NameOf(severity), body,
                Attributes("RequestPath", route.Split(' ')[1], "RequestId", NewId(8), "{OriginalFormat}", "Executed endpoint '{EndpointName}'"),
                i % 3 == 0 ? NewId(16) : null, i % 3 == 0 ? NewId(8) : null,
                _resources[_random.Next(_resources.Length)], "Microsoft.AspNetCore.Hosting.Diagnostics"));
        }
        logs.Add(records);
    }

    private void FillMetrics()
    {
        var samples = new List<MetricSample>();
        // The charted instrument: a histogram with ten series of full length.
        var duration = new TelemetryInstrument(ChartResource, ChartMeter, ChartInstrument, "Duration of HTTP server requests.", "s",
            InstrumentKind.Histogram, false, AggregationTemporality.Cumulative);
        var chartSeries = 10;
        for (var s = 0; s < chartSeries; s++)
        {
            var dimensions = Attributes("http.route", Routes[s % Routes.Length], "http.response.status_code", s < Routes.Length ? "200" : "500");
            ulong count = 0;
            double sum = 0;
            for (var p = 0; p < limits.MaxPointsPerSeries; p++)
            {
                count += (ulong)_random.Next(1, 20);
                sum += _random.NextDouble() * 2;
                samples.Add(new MetricSample(duration, dimensions, new MetricPoint(_start.AddSeconds(p * 5), _start, sum,
                    new HistogramValue(count, sum, 0.001, 1.5, [0.005, 0.01, 0.05, 0.1, 0.5, 1], [1, 2, 3, 4, 5, 6, count - 21]))));
            }
        }
        // Every other series: counters per resource, instrument and dimension, a shorter history each.
        const int otherPoints = 50;
        for (var s = 0; s < limits.MaxSeries - chartSeries; s++)
        {
            var resource = _resources[s % _resources.Length];
            var instrument = new TelemetryInstrument(resource, $"Platform.Meter{s % 7}", $"platform.counter.{s % 40}", "A counter.", "{item}",
                InstrumentKind.Sum, true, AggregationTemporality.Cumulative);
            var dimensions = Attributes("partition", (s / 280).ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var p = 0; p < otherPoints; p++)
            {
                samples.Add(new MetricSample(instrument, dimensions, new MetricPoint(_start.AddSeconds(p * 60), _start, p * 3, null)));
            }
        }
        metrics.Add(samples);
    }

    private string NewId(int bytes)
    {
        Span<byte> id = stackalloc byte[bytes];
        _random.NextBytes(id);
        return Convert.ToHexStringLower(id);
    }

    private static TelemetryAttribute[] Attributes(params string[] pairs) =>
        [.. pairs.Chunk(2).Select(p => new TelemetryAttribute(p[0], p[1]))];
}
