using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.EventBus.Tests;

/// <summary>
/// RabbitMQ's epmd monitor boots a one-off Erlang VM (<c>erl -sname epmd-starter-…</c>) every minute to keep epmd
/// alive. Booted after the broker's private epmd has stopped, as happens while the AppHost shuts down, such a VM
/// would start an <c>epmd -daemon</c> that outlives everything. This boots one the same way, with the broker's
/// environment and no epmd on its port.
/// </summary>
public sealed class BrokerEpmdTests(Servers servers)
{
    [Fact]
    public async Task An_Erlang_VM_started_with_the_brokers_environment_never_starts_an_epmd_of_its_own()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        var starter = new ProcessStartInfo("erl", ["-boot", "no_dot_erlang", "-sname", $"epmd-starter-{port}", "-noinput", "-s", "erlang", "halt"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in servers.App.GetEnvironmentVariables("messaging-server"))
        {
            starter.Environment[name] = value;
        }
        starter.Environment["ERL_EPMD_PORT"] = $"{port}";

        using var vm = Process.Start(starter)!;
        try
        {
            await vm.WaitForExitAsync(cancellation).WaitAsync(TimeSpan.FromSeconds(30), cancellation);
            Assert.False(Listens(port), $"An epmd was started on port {port}.");
        }
        finally
        {
            if (!vm.HasExited)
            {
                vm.Kill(entireProcessTree: true);
            }
            StopEpmdsOn(port);
        }
    }

    private static bool Listens(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Stops any process this test caused: the one whose environment names the test's epmd port.</summary>
    private static void StopEpmdsOn(int port)
    {
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    if (File.ReadAllText($"/proc/{process.Id}/environ").Split('\0').Contains($"ERL_EPMD_PORT={port}"))
                    {
                        process.Kill();
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // Gone already, or not ours to read.
                }
            }
        }
    }
}
