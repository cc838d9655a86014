using Microsoft.Extensions.Primitives;

namespace Platform.Gateway.Forwarding;

/// <summary>Headers that describe one connection, not the message, so a proxy never passes them on (RFC 9110 §7.6.1).</summary>
public static class HopByHopHeaders
{
    private static readonly HashSet<string> Always = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection",
    };

    /// <summary>The hop-by-hop header names of a message whose Connection header lists <paramref name="connection"/>.</summary>
    public static Func<string, bool> Of(IEnumerable<string> connection)
    {
        var named = connection
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return name => Always.Contains(name) || named.Contains(name) || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase);
    }

    public static Func<string, bool> Of(StringValues connection) => Of((IEnumerable<string>)connection.OfType<string>());
}
