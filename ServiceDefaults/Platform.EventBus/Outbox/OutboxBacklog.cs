namespace Platform.EventBus;

/// <summary>What the dispatcher last saw of the unsent outbox rows; read by the backlog gauges.</summary>
internal sealed class OutboxBacklog
{
    private (long Count, DateTimeOffset? Oldest) _state;

    public long Count => _state.Count;

    public TimeSpan OldestAge(DateTimeOffset now) => _state.Oldest is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;

    public void Update(long count, DateTimeOffset? oldest) => _state = (count, oldest);
}
