using System.Threading.Channels;

namespace Platform.Hosting.Orchestration;

/// <summary>One line a resource's process wrote, or one the orchestrator wrote about it.</summary>
/// <param name="Replica">The process that wrote it (<c>products-1</c>, <c>pg/initdb</c>), or <see cref="AppHostSource"/>.</param>
public sealed record LogLine(long Number, DateTimeOffset Timestamp, string Replica, string Text, bool IsError)
{
    /// <summary>The <see cref="Replica"/> of lines the AppHost writes about a resource (started, exited, failed).</summary>
    public const string AppHostSource = "apphost";

    public bool IsFromAppHost => Replica == AppHostSource;
}

/// <summary>The console output of every resource, the most recent lines kept per resource.</summary>
public sealed class ResourceLoggerService(int capacityPerResource)
{
    private readonly Dictionary<string, ResourceLog> _logs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Called for every line, in order, as it is written (the console echo).</summary>
    internal event Action<string, LogLine>? LineWritten;

    public IReadOnlyList<LogLine> GetLogs(string resourceName) => GetLog(resourceName).Snapshot();

    /// <summary>The lines kept so far, then new ones as they are written.</summary>
    public IAsyncEnumerable<LogLine> WatchAsync(string resourceName, CancellationToken cancellationToken = default) =>
        GetLog(resourceName).WatchAsync(cancellationToken);

    public string GetRecentLines(string resourceName, int count = 20)
    {
        var lines = GetLogs(resourceName).TakeLast(count).Select(l => $"    {l.Text}").ToList();
        return lines.Count == 0 ? "    (no output)" : string.Join(Environment.NewLine, lines);
    }

    internal void Write(string resourceName, string replica, string text, bool isError)
    {
        var line = GetLog(resourceName).Append(replica, text, isError);
        LineWritten?.Invoke(resourceName, line);
    }

    private ResourceLog GetLog(string resourceName)
    {
        lock (_lock)
        {
            if (!_logs.TryGetValue(resourceName, out var log))
            {
                _logs[resourceName] = log = new ResourceLog(capacityPerResource);
            }
            return log;
        }
    }

    private sealed class ResourceLog(int capacity)
    {
        private readonly Queue<LogLine> _lines = new();
        private readonly Watchers<LogLine> _watchers =
            new(() => Channel.CreateBounded<LogLine>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest }));
        private readonly Lock _lock = new();
        private long _count;

        public LogLine Append(string replica, string text, bool isError)
        {
            lock (_lock)
            {
                var line = new LogLine(++_count, DateTimeOffset.UtcNow, replica, text, isError);
                _lines.Enqueue(line);
                if (_lines.Count > capacity)
                {
                    _lines.Dequeue();
                }
                _watchers.Publish(line);
                return line;
            }
        }

        public IReadOnlyList<LogLine> Snapshot()
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }

        public IAsyncEnumerable<LogLine> WatchAsync(CancellationToken cancellationToken) =>
            _watchers.WatchAsync(_lock, () => _lines, cancellationToken);
    }
}
