using Platform.Dashboard.Telemetry;
using Platform.Dashboard.Tests.Support;

namespace Platform.Dashboard.Tests.Stores;

public sealed class LogStoreTests
{
    [Fact]
    public void Logs_are_filtered_by_resource_severity_text_and_trace_and_listed_newest_first()
    {
        var store = new LogStore(new TelemetryLimits());
        var basket = Make.Resource("basket", "b-1");
        store.Add([
            Make.Log("started", atMs: 0),
            Make.Log("payment declined", LogSeverity.Warning, atMs: 20, traceId: "t1"),
            Make.Log("basket lost", LogSeverity.Error, atMs: 10, resource: basket, attributes: new TelemetryAttribute("BasketId", "b-42")),
            Make.Log("noise", LogSeverity.Debug, atMs: 30),
        ]);

        Assert.Equal(["noise", "payment declined", "basket lost", "started"], Bodies(store.QueryLogs(new())));
        Assert.Equal(["payment declined", "basket lost"], Bodies(store.QueryLogs(new(MinSeverity: LogSeverity.Warning))));
        Assert.Equal(["basket lost"], Bodies(store.QueryLogs(new(Resource: "basket"))));
        Assert.Equal(["basket lost"], Bodies(store.QueryLogs(new(Resource: "basket/b-1"))));
        Assert.Equal(["basket lost"], Bodies(store.QueryLogs(new(Text: "B-42"))));
        Assert.Equal(["payment declined"], Bodies(store.QueryLogs(new(Text: "DECLINED"))));
        Assert.Equal(["payment declined"], Bodies(store.QueryLogs(new(TraceId: "t1"))));

        var page = store.QueryLogs(new(Skip: 1, Take: 2));
        Assert.Equal(4, page.TotalCount);
        Assert.Equal(["payment declined", "basket lost"], Bodies(page));
    }

    [Fact]
    public void The_record_limit_evicts_the_earliest_received_records()
    {
        var store = new LogStore(new TelemetryLimits { MaxLogRecords = 3 });
        store.Add([Make.Log("1"), Make.Log("2")]);
        store.Add([Make.Log("3"), Make.Log("4"), Make.Log("5")]);

        Assert.Equal(3, store.Count);
        Assert.Equal(["5", "4", "3"], Bodies(store.QueryLogs(new())));
        Assert.Equal([3L, 4L, 5L], store.GetAll().Select(r => r.Id));
    }

    [Fact]
    public void Severity_numbers_are_named_like_dotnet_log_levels()
    {
        Assert.Equal(["Unspecified", "Trace", "Debug", "Information", "Information", "Warning", "Error", "Critical"],
            new[] { 0, 1, 5, 9, 12, 13, 17, 21 }.Select(LogSeverity.NameOf));
    }

    private static IEnumerable<string> Bodies(TelemetryPage<TelemetryLogRecord> page) => page.Items.Select(r => r.Body);
}
