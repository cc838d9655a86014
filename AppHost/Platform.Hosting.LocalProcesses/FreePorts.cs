using System.Net;
using System.Net.Sockets;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>Free loopback ports for the servers, which listen on their own ports (no proxy in front).</summary>
/// <remarks>
/// Ports come from below the kernel's ephemeral range: a port there is taken only by a listener, whereas an
/// ephemeral port that is free now may become the local end of an outgoing connection before the server
/// binds it (seen with RabbitMQ's management listener: eaddrinuse).
/// </remarks>
internal static class FreePorts
{
    private const int LowestPort = 10_000;
    private static readonly HashSet<int> s_handedOut = [];
    private static readonly Lock s_lock = new();
    private static readonly int s_ephemeralStart = ReadEphemeralRangeStart();

    public static int Next()
    {
        lock (s_lock)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(LowestPort, s_ephemeralStart);
                if (IsFree(port) && s_handedOut.Add(port))
                {
                    return port;
                }
            }
            throw new DistributedApplicationException($"No free port found between {LowestPort} and {s_ephemeralStart}.");
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
            var start = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0]);
            return start > LowestPort + 1_000 ? start : 32_768;
        }
        catch (Exception exception) when (exception is IOException or FormatException or UnauthorizedAccessException)
        {
            return 32_768;
        }
    }
}
