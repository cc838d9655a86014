using System.Net;
using System.Net.Sockets;

namespace Platform.Hosting.Orchestration;

/// <summary>Hands out distinct loopback ports: fixed ones where declared, free ones otherwise.</summary>
/// <remarks>
/// Free ports come from below the kernel's ephemeral range. A port there is taken only by a listener, whereas
/// an ephemeral port that is free now may become the local end of some outgoing connection before the
/// resource binds it (seen with RabbitMQ's management listener: eaddrinuse).
/// </remarks>
internal sealed class PortAllocator
{
    private const int LowestPort = 10_000;

    private readonly HashSet<int> _handedOut = [];
    private readonly Lock _lock = new();
    private readonly int _ephemeralStart = ReadEphemeralRangeStart();

    /// <summary>A port nothing listens on now and this allocator has not handed out before.</summary>
    public int AllocateFreePort()
    {
        lock (_lock)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(LowestPort, _ephemeralStart);
                if (!_handedOut.Contains(port) && IsFree(port))
                {
                    _handedOut.Add(port);
                    return port;
                }
            }
            throw new DistributedApplicationException($"No free port found between {LowestPort} and {_ephemeralStart}.");
        }
    }

    /// <summary>Claims a declared port, failing loudly when it is taken.</summary>
    public int ReserveFixedPort(int port, string owner)
    {
        lock (_lock)
        {
            if (!_handedOut.Add(port))
            {
                throw new DistributedApplicationException($"Port {port} of '{owner}' is declared twice in the application model.");
            }
            if (!IsFree(port))
            {
                throw new DistributedApplicationException(
                    $"Port {port} of '{owner}' is already in use on {IPAddress.Loopback}: stop whatever listens there (is another AppHost running?), or set AppHost:RandomizePorts=true.");
            }
            return port;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of /proc/sys/net/ipv4/ip_local_port_range (32768 by default).</summary>
    private static int ReadEphemeralRangeStart()
    {
        try
        {
            var start = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0]);
            return start > LowestPort + 1_000 ? start : 32_768;
        }
        catch (Exception exception) when (exception is IOException or FormatException or UnauthorizedAccessException)
        {
            return 32_768;
        }
    }
}
