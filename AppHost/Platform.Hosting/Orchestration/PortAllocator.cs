using System.Net;
using System.Net.Sockets;

namespace Platform.Hosting.Orchestration;

/// <summary>Hands out distinct loopback ports: fixed ones where declared, free ones otherwise.</summary>
internal sealed class PortAllocator
{
    private readonly HashSet<int> _handedOut = [];
    private readonly Lock _lock = new();

    /// <summary>A port nothing listens on now and this allocator has not handed out before.</summary>
    public int AllocateFreePort()
    {
        lock (_lock)
        {
            while (true)
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)probe.LocalEndPoint!).Port;
                if (_handedOut.Add(port))
                {
                    return port;
                }
            }
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
}
