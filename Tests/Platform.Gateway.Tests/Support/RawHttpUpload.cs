using System.Net.Sockets;
using System.Text;

namespace Platform.Gateway.Tests.Support;

/// <summary>
/// Sends a chunked body that never ends over a bare socket and stops as soon as the server answers. HttpClient
/// cannot show such an early answer: it reports the broken pipe of the unfinished upload instead.
/// </summary>
internal static class RawHttpUpload
{
    /// <summary>
    /// The response's status line and body, read until the server closes the connection. With
    /// <paramref name="beforeTheRest"/>, only the first chunk goes out until that task completes.
    /// </summary>
    public static async Task<(string StatusLine, string Body)> PostEndlessAsync(Uri server, string path, string token, CancellationToken cancellationToken, Task? beforeTheRest = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token);

        var chunk = Encoding.ASCII.GetBytes($"4000\r\n{new string('x', 0x4000)}\r\n");
        try
        {
            if (beforeTheRest is not null)
            {
                await stream.WriteAsync(chunk, timeout.Token);
                await beforeTheRest.WaitAsync(timeout.Token);
            }
            while (tcp.Available == 0)
            {
                await stream.WriteAsync(chunk, timeout.Token);
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering: the answer is already in the receive buffer.
        }

        var response = Encoding.UTF8.GetString(await ReadUntilClosedAsync(stream, timeout.Token));
        var statusLine = response[..response.IndexOf("\r\n", StringComparison.Ordinal)];
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return (statusLine, body);
    }

    /// <summary>
    /// Everything the server sent before it closed the connection. A server that closes with part of the upload
    /// unread makes the kernel answer with a reset, which ends the stream after the answer instead of a clean end.
    /// </summary>
    private static async Task<byte[]> ReadUntilClosedAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
        }
        return received.ToArray();
    }
}
