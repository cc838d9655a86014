using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// The subscribers of a stream of items: each first receives what exists already, then every new item.
/// The owner calls <see cref="Publish"/> and <see cref="WatchAsync"/> under the same lock it guards its state with.
/// </summary>
internal sealed class Watchers<T>(Func<Channel<T>> createChannel)
{
    private readonly List<Channel<T>> _channels = [];

    /// <summary>Call under the owner's lock.</summary>
    public void Publish(T item)
    {
        foreach (var channel in _channels)
        {
            channel.Writer.TryWrite(item);
        }
    }

    public async IAsyncEnumerable<T> WatchAsync(Lock ownerLock, Func<IEnumerable<T>> existing, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = createChannel();
        lock (ownerLock)
        {
            foreach (var item in existing())
            {
                channel.Writer.TryWrite(item);
            }
            _channels.Add(channel);
        }
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            lock (ownerLock)
            {
                _channels.Remove(channel);
            }
        }
    }
}
