using System.Globalization;
using System.Text;

namespace Platform.EventBus;

/// <summary>The AMQP headers the bus reads and writes.</summary>
internal static class MessageHeaders
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    /// <summary>How many times handling the message has failed so far.</summary>
    public const string FailedAttempts = "x-failed-attempts";

    public const string ExceptionType = "x-exception-type";
    public const string ExceptionMessage = "x-exception-message";
    public const string ExceptionStackTrace = "x-exception-stacktrace";
    public const string DeadLetteredAt = "x-dead-lettered-at";
    public const string Consumer = "x-consumer";

    /// <summary>Header values arrive as byte arrays for strings and as integers of various sizes for numbers.</summary>
    public static string? AsString(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static int ReadFailedAttempts(IDictionary<string, object?>? headers) =>
        headers?.TryGetValue(FailedAttempts, out var value) == true && int.TryParse(AsString(value), CultureInfo.InvariantCulture, out var attempts)
            ? attempts
            : 0;
}
