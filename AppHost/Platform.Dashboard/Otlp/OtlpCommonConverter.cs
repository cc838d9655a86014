using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Platform.Dashboard.Otlp.Proto.Common;
using Platform.Dashboard.Telemetry;
using ProtoResource = Platform.Dashboard.Otlp.Proto.Resource.Resource;

namespace Platform.Dashboard.Otlp;

/// <summary>OTLP common types to the telemetry model: attributes, values, ids, timestamps, resources, scopes.</summary>
internal static class OtlpCommonConverter
{
    public const string UnknownService = "unknown_service";

    public static TelemetryResource ToResource(ProtoResource? resource, ResourceStore resources)
    {
        var serviceName = UnknownService;
        string? instanceId = null;
        var others = new List<TelemetryAttribute>();
        foreach (var attribute in resource?.Attributes ?? [])
        {
            var value = ToText(attribute.Value);
            switch (attribute.Key)
            {
                case "service.name" when value.Length > 0:
                    serviceName = value;
                    break;
                case "service.instance.id" when value.Length > 0:
                    instanceId = value;
                    break;
                default:
                    others.Add(new TelemetryAttribute(attribute.Key, value));
                    break;
            }
        }
        return resources.GetOrAdd(serviceName, instanceId, others);
    }

    public static TelemetryScope ToScope(InstrumentationScope? scope) =>
        scope is null ? TelemetryScope.Unknown : new TelemetryScope(scope.Name, scope.Version.Length == 0 ? null : scope.Version);

    public static IReadOnlyList<TelemetryAttribute> ToAttributes(RepeatedField<KeyValue> attributes)
    {
        if (attributes.Count == 0)
        {
            return [];
        }
        var converted = new TelemetryAttribute[attributes.Count];
        for (var i = 0; i < attributes.Count; i++)
        {
            converted[i] = new TelemetryAttribute(attributes[i].Key, ToText(attributes[i].Value));
        }
        return converted;
    }

    public static string ToText(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(ToText)) + "]",
        AnyValue.ValueOneofCase.KvlistValue =>
            "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {ToText(kv.Value)}")) + "}",
        _ => "",
    };

    /// <summary>Lower-case hex, or null for an absent or all-zero id.</summary>
    public static string? ToHexId(ByteString id)
    {
        var bytes = id.Span;
        if (bytes.IsEmpty || !bytes.ContainsAnyExcept((byte)0))
        {
            return null;
        }
        return Convert.ToHexStringLower(bytes);
    }

    public static DateTimeOffset ToTime(ulong unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Min(unixNanoseconds / 100, (ulong)(DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks));
}
