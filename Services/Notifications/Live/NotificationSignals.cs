using System.Threading.Channels;

namespace Platform.Notifications.Live;

/// <summary>
/// Fans the "user X has something new" signals of this process's one listener out to the open streams of that user.
/// A signal carries no data: a woken stream reads what is new from the database.
/// </summary>
public sealed class NotificationSignals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, HashSet<Subscription>> _byUser = [];

    public Subscription Subscribe(Guid userId)
    {
        var subscription = new Subscription(this, userId);
        lock (_gate)
        {
            if (!_byUser.TryGetValue(userId, out var subscriptions))
            {
                _byUser[userId] = subscriptions = [];
            }
            subscriptions.Add(subscription);
        }
        return subscription;
    }

    public void Notify(Guid userId)
    {
        lock (_gate)
        {
            if (_byUser.TryGetValue(userId, out var subscriptions))
            {
                foreach (var subscription in subscriptions)
                {
                    subscription.Signal();
                }
            }
        }
    }

    /// <summary>After the listener lost its connection, anything may have been missed: every stream looks again.</summary>
    public void NotifyAll()
    {
        lock (_gate)
        {
            foreach (var subscription in _byUser.Values.SelectMany(s => s))
            {
                subscription.Signal();
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (_byUser.TryGetValue(subscription.UserId, out var subscriptions) && subscriptions.Remove(subscription) && subscriptions.Count == 0)
            {
                _byUser.Remove(subscription.UserId);
            }
        }
    }

    public sealed class Subscription(NotificationSignals owner, Guid userId) : IDisposable
    {
        // Signals coalesce: one pending wake-up is as good as many.
        private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public Guid UserId { get; } = userId;

        internal void Signal() => _channel.Writer.TryWrite(true);

        /// <returns><see langword="true"/> when signalled, <see langword="false"/> after <paramref name="timeout"/>.</returns>
        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                await _channel.Reader.ReadAsync(timer.Token);
                return true;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        public void Dispose() => owner.Remove(this);
    }
}
