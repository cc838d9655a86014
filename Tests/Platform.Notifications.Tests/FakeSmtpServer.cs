using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Notifications.Tests;

/// <summary>
/// Just enough SMTP on 127.0.0.1 to accept mail from <see cref="System.Net.Mail.SmtpClient"/>: greeting, EHLO/HELO,
/// MAIL, RCPT, DATA, RSET, NOOP, QUIT. It can be stopped and started again on the same port to act out an outage.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stopping;
    private Task _accepting = Task.CompletedTask;

    public int Port { get; private set; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    public static FakeSmtpServer Start()
    {
        var server = new FakeSmtpServer();
        server.Listen(port: 0);
        return server;
    }

    /// <summary>Starts accepting again on the same port after <see cref="StopAsync"/>.</summary>
    public void Restart() => Listen(Port);

    public async Task StopAsync()
    {
        _stopping?.Cancel();
        _listener?.Stop();
        await _accepting;
        _listener = null;
    }

    private void Listen(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _stopping = new CancellationTokenSource();
        _accepting = AcceptAsync(_listener, _stopping.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        var sessions = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                sessions.Add(ServeAsync(client, cancellationToken));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost fake SMTP");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(cancellationToken) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        Received.Enqueue(new ReceivedMail(from ?? "", [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>The address in <c>MAIL FROM:&lt;a@b&gt;</c> or <c>RCPT TO:&lt;a@b&gt;</c>.</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data);
