namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>
/// Reads the spans of an OTLP ExportTraceServiceRequest straight from the protobuf wire format: only the fields
/// the tests look at (field numbers from opentelemetry-proto's trace.proto and common.proto).
/// </summary>
internal static class OtlpSpans
{
    public const int ServerKind = 2;

    public sealed record Span(string Name, int Kind, IReadOnlyDictionary<string, object> Attributes);

    public static IEnumerable<Span> Read(byte[] exportTraceServiceRequest) =>
        from resourceSpans in Fields(exportTraceServiceRequest, 1)
        from scopeSpans in Fields(resourceSpans.Bytes, 2)
        from span in Fields(scopeSpans.Bytes, 2)
        select ReadSpan(span.Bytes);

    private static Span ReadSpan(ReadOnlyMemory<byte> span)
    {
        var attributes = new Dictionary<string, object>();
        foreach (var keyValue in Fields(span, 9))
        {
            var key = Text(Fields(keyValue.Bytes, 1).Single().Bytes);
            var value = Fields(keyValue.Bytes, 2).Single().Bytes;
            attributes[key] = Fields(value, 1).Select(f => (object)Text(f.Bytes))
                .Concat(Fields(value, 3).Select(f => (object)f.Number)).Single();
        }
        return new Span(Text(Fields(span, 5).Single().Bytes), (int)Fields(span, 6).Select(f => f.Number).SingleOrDefault(), attributes);
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

    private readonly record struct Field(long Number, ReadOnlyMemory<byte> Bytes);

    private static IEnumerable<Field> Fields(ReadOnlyMemory<byte> message, int fieldNumber)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message.Span, ref position);
            var (number, wireType) = ((int)(tag >> 3), (int)(tag & 7));
            Field field;
            switch (wireType)
            {
                case 0:
                    field = new Field(ReadVarint(message.Span, ref position), default);
                    break;
                case 1 or 5:
                    var width = wireType == 1 ? 8 : 4;
                    field = new Field(0, message.Slice(position, width));
                    position += width;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref position);
                    field = new Field(0, message.Slice(position, length));
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"Unexpected protobuf wire type {wireType}.");
            }
            if (number == fieldNumber)
            {
                yield return field;
            }
        }
    }

    private static long ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        long value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
