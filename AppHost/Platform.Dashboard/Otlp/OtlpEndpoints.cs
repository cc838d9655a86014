using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.Dashboard.Otlp.Proto.Collector.Logs;
using Platform.Dashboard.Otlp.Proto.Collector.Metrics;
using Platform.Dashboard.Otlp.Proto.Collector.Trace;
using Platform.Dashboard.Telemetry;

namespace Platform.Dashboard.Otlp;

internal static class OtlpEndpoints
{
    public static Task<IResult> ReceiveTracesAsync(HttpContext context, IOptions<OtlpReceiverOptions> options,
        ResourceStore resources, TraceStore traces, CancellationToken cancellationToken) =>
        ReceiveAsync(context, options.Value, ExportTraceServiceRequest.Parser, request =>
        {
            var (spans, rejected) = OtlpTraceConverter.Convert(request, resources);
            traces.Add(spans);
            return new ExportTraceServiceResponse
            {
                PartialSuccess = rejected == 0 ? null : new ExportTracePartialSuccess
                {
                    RejectedSpans = rejected,
                    ErrorMessage = "Spans without a valid trace id and span id were dropped.",
                },
            };
        }, cancellationToken);

    public static Task<IResult> ReceiveMetricsAsync(HttpContext context, IOptions<OtlpReceiverOptions> options,
        ResourceStore resources, MetricStore metrics, CancellationToken cancellationToken) =>
        ReceiveAsync(context, options.Value, ExportMetricsServiceRequest.Parser, request =>
        {
            metrics.Add(OtlpMetricConverter.Convert(request, resources));
            return new ExportMetricsServiceResponse();
        }, cancellationToken);

    public static Task<IResult> ReceiveLogsAsync(HttpContext context, IOptions<OtlpReceiverOptions> options,
        ResourceStore resources, LogStore logs, CancellationToken cancellationToken) =>
        ReceiveAsync(context, options.Value, ExportLogsServiceRequest.Parser, request =>
        {
            logs.Add(OtlpLogConverter.Convert(request, resources));
            return new ExportLogsServiceResponse();
        }, cancellationToken);

    private static async Task<IResult> ReceiveAsync<TRequest>(HttpContext context, OtlpReceiverOptions options,
        MessageParser<TRequest> parser, Func<TRequest, IMessage> store, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
    {
        if (!OtlpApiKey.IsAccepted(options.ApiKey, context.Request.Headers[OtlpReceiverOptions.ApiKeyHeader].FirstOrDefault()))
        {
            return TypedResults.Unauthorized();
        }
        var (body, error) = await OtlpBodyReader.ReadAsync(context.Request, options.MaxRequestBodyBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        TRequest request;
        try
        {
            request = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException)
        {
            return OtlpBodyReader.Problem(StatusCodes.Status400BadRequest, "Invalid OTLP message",
                $"The body is not a valid {typeof(TRequest).Name}.");
        }
        return TypedResults.Bytes(store(request).ToByteArray(), OtlpBodyReader.ProtobufMediaType);
    }
}
