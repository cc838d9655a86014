using Google.Protobuf;
using OpenTelemetry.Exporter;
using Platform.Dashboard.Otlp.Proto.Collector.Trace;
using Platform.Dashboard.Otlp.Proto.Common;
using Platform.Dashboard.Otlp.Proto.Resource;
using Platform.Dashboard.Otlp.Proto.Trace;

namespace Platform.Dashboard.Tests.Support;

/// <summary>Exporter settings for the SDK, and hand-made OTLP requests for the raw HTTP cases.</summary>
internal static class OtlpTestData
{
    public static Action<OtlpExporterOptions> Exporter(ReceiverHost host, string signal, string apiKey = ReceiverHost.ApiKey) => o =>
    {
        o.Protocol = OtlpExportProtocol.HttpProtobuf;
        o.Endpoint = host.Endpoint(signal);
        o.Headers = $"x-otlp-api-key={apiKey}";
    };

    public static ExportTraceServiceRequest TraceRequest(string serviceName, int spans, int firstTraceNumber = 1)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Raw" } };
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        for (var i = 0; i < spans; i++)
        {
            var number = firstTraceNumber + i;
            scope.Spans.Add(new Span
            {
                TraceId = ByteString.CopyFrom(Id(16, number)),
                SpanId = ByteString.CopyFrom(Id(8, number)),
                Name = $"span {number}",
                Kind = Span.Types.SpanKind.Server,
                StartTimeUnixNano = start + (ulong)number * 1_000_000,
                EndTimeUnixNano = start + (ulong)number * 1_000_000 + 500_000,
            });
        }
        var resource = new Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = serviceName } });
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(new ResourceSpans { Resource = resource, ScopeSpans = { scope } });
        return request;
    }

    /// <summary>A non-zero id whose last bytes hold <paramref name="number"/>.</summary>
    public static byte[] Id(int length, int number)
    {
        var id = new byte[length];
        id[0] = 0xab;
        BitConverter.GetBytes(number).Reverse().ToArray().CopyTo(id, length - 4);
        return id;
    }

    public static string HexId(int length, int number) => Convert.ToHexStringLower(Id(length, number));
}
