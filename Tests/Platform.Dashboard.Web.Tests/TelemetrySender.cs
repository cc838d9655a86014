using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Dashboard.Web.Tests;

/// <summary>What <see cref="TelemetrySender.SendAsync"/> sent: a marker unique to the call, and the ids to look for.</summary>
public sealed record SentTelemetry(string Marker, string TraceId, IReadOnlyList<string> SpanIds, string MeterName);

/// <summary>
/// Sends telemetry to the fixture's dashboard with the OpenTelemetry SDK's OTLP exporter, as the projects do:
/// a trace across "basket" and two instances of "orders" (one span failing), logs inside and outside it, and metrics.
/// </summary>
public static class TelemetrySender
{
    public const string Basket = "basket";
    public const string Orders = "orders";
    public const string Instrument = "shop.orders.placed";

    public static Task<SentTelemetry> SendAsync(DashboardFixture fixture) => SendAsync(fixture.App);

    public static async Task<SentTelemetry> SendAsync(DistributedApplication app)
    {
        var marker = $"m{Guid.NewGuid():N}"[..12];
        var execution = app.ExecutionContext;
        Action<OtlpExporterOptions> Exporter(string signal) => o =>
        {
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
            o.Endpoint = new Uri($"{execution.OtlpEndpointUrl.TrimEnd('/')}/v1/{signal}");
            o.Headers = $"x-otlp-api-key={execution.OtlpApiKey}";
        };
        ResourceBuilder Resource(string service, string instance) => ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: instance);

        var basketSource = $"Basket.{marker}";
        var ordersSource = $"Orders.{marker}";
        using var basketActivities = new ActivitySource(basketSource);
        using var ordersActivities = new ActivitySource(ordersSource);
        using var basketTracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource(Basket, "basket-1"))
            .AddSource(basketSource).AddOtlpExporter(Exporter("traces")).Build();
        using var orders1Tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource(Orders, "orders-1"))
            .AddSource(ordersSource).AddOtlpExporter(Exporter("traces")).Build();
        using var basketLogging = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource(Basket, "basket-1"));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(Exporter("logs"));
        }));
        using var orders2Logging = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource(Orders, "orders-2"));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(Exporter("logs"));
        }));
        var basketLog = basketLogging.CreateLogger("Shop.Basket.Checkout");
        var ordersLog = orders2Logging.CreateLogger("Shop.Orders.Placement");

        string traceId;
        var spanIds = new List<string>();
        using (var root = basketActivities.StartActivity($"POST /checkout {marker}", ActivityKind.Server)!)
        {
            traceId = root.TraceId.ToHexString();
            spanIds.Add(root.SpanId.ToHexString());
            basketLog.LogWarning("Checkout {Marker} is slow for basket {BasketId}", marker, 42);
            using (var call = ordersActivities.StartActivity("POST /api/orders", ActivityKind.Server, root.Context)!)
            {
                spanIds.Add(call.SpanId.ToHexString());
                call.SetTag("order.marker", marker);
                using (var insert = ordersActivities.StartActivity("INSERT orders", ActivityKind.Client)!)
                {
                    spanIds.Add(insert.SpanId.ToHexString());
                    insert.AddEvent(new ActivityEvent("retrying"));
                    insert.SetStatus(ActivityStatusCode.Error, "deadlock detected");
                }
            }
            await Task.Delay(5);
        }
        ordersLog.LogInformation("Order book {Marker} reconciled", marker);

        var meterName = $"Shop.Metrics.{marker}";
        using (var meter = new Meter(meterName))
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource(Orders, "orders-1"))
            .AddMeter(meterName).AddOtlpExporter(Exporter("metrics")).Build())
        {
            var placed = meter.CreateCounter<long>(Instrument, "{order}", "Orders placed");
            placed.Add(3, new KeyValuePair<string, object?>("region", "eu"));
            placed.Add(1, new KeyValuePair<string, object?>("region", "us"));
            Assert.True(metrics.ForceFlush(10_000));
            placed.Add(2, new KeyValuePair<string, object?>("region", "eu"));
            Assert.True(metrics.ForceFlush(10_000));
        }

        Assert.True(basketTracing.ForceFlush(10_000) && orders1Tracing.ForceFlush(10_000));
        basketLogging.Dispose(); // flushes
        orders2Logging.Dispose();
        return new SentTelemetry(marker, traceId, spanIds, meterName);
    }
}
