using System.Collections.Concurrent;

namespace Platform.Users.Accounts;

/// <summary>
/// Counts failed logins per email and per client address in a sliding window; past the limit, further attempts
/// are refused until the oldest failure leaves the window.
/// The store is in-process: each replica counts on its own and a restart forgets, which is acceptable for slowing
/// down guessing. A shared store (Redis) would make the limit exact across replicas.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();
    private int _recordsSinceSweep;

    /// <summary>How long the caller must wait, or null when an attempt is allowed.</summary>
    public TimeSpan? RetryAfter(string email, string? clientAddress)
    {
        var now = time.GetUtcNow();
        var wait = RetryAfter(EmailKey(email), now);
        return clientAddress is null ? wait : Max(wait, RetryAfter(AddressKey(clientAddress), now));
    }

    public void RecordFailure(string email, string? clientAddress)
    {
        var now = time.GetUtcNow();
        Record(EmailKey(email), now);
        if (clientAddress is not null)
        {
            Record(AddressKey(clientAddress), now);
        }
        if (Interlocked.Increment(ref _recordsSinceSweep) % SweepEvery == 0)
        {
            Sweep(now);
        }
    }

    /// <summary>A successful login clears the email's failures (not the address's: one address may try many emails).</summary>
    public void RecordSuccess(string email) => _failures.TryRemove(EmailKey(email), out _);

    private static string EmailKey(string email) => "email:" + email.ToUpperInvariant();

    private static string AddressKey(string address) => "ip:" + address;

    private TimeSpan? RetryAfter(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }
        lock (failures)
        {
            Trim(failures, now);
            return failures.Count >= MaxFailures ? failures.Peek() + Window - now : null;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        var failures = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Trim(failures, now);
            failures.Enqueue(now);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            lock (failures)
            {
                Trim(failures, now);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(KeyValuePair.Create(key, failures));
                }
            }
        }
    }

    private static void Trim(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + Window <= now)
        {
            failures.Dequeue();
        }
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
