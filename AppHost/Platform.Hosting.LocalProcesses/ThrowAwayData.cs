using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>
/// Deletes what a run that keeps nothing has written (the servers' data, the mail folder), once: when the
/// application has stopped, or when it is disposed without being stopped, as test fixtures do (the host then
/// never signals ApplicationStopped). Each clean-up first stops its server if it still runs, so nothing writes
/// into a folder while it is deleted.
/// </summary>
internal sealed class ThrowAwayData : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _cleanups = [];
    private Task? _cleanedUp;

    public ThrowAwayData(IHostApplicationLifetime lifetime) =>
        lifetime.ApplicationStopped.Register(() => CleanUpAsync().GetAwaiter().GetResult());

    public void Add(Func<Task> cleanup)
    {
        lock (_gate)
        {
            _cleanups.Add(cleanup);
        }
    }

    public ValueTask DisposeAsync() => new(CleanUpAsync());

    private Task CleanUpAsync()
    {
        lock (_gate)
        {
            return _cleanedUp ??= Task.WhenAll(_cleanups.Select(cleanup => Task.Run(cleanup)));
        }
    }

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Gone already; the folder is under /tmp.
        }
    }
}
