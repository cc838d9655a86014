using System.Net;
using System.Net.Sockets;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Tests;

public sealed class PortAllocationTests
{
    [Fact]
    public void Free_ports_are_distinct_and_bindable()
    {
        var allocator = new PortAllocator();

        var ports = Enumerable.Range(0, 50).Select(_ => allocator.AllocateFreePort()).ToList();

        Assert.Equal(50, ports.Distinct().Count());
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0]);
        Assert.All(ports, port => Assert.InRange(port, 10_000, ephemeralStart - 1));
        using var listener = new TcpListener(IPAddress.Loopback, ports[^1]);
        listener.Start();
    }

    [Fact]
    public void Fixed_ports_are_kept_unless_ports_are_randomized()
    {
        var fixedPort = new PortAllocator().AllocateFreePort();

        var kept = DistributedApplicationTestingBuilder.Create(configure: o => o.RandomizePorts = false);
        var keptGateway = kept.AddProject<Projects.Platform_Hosting_TestApp>("gateway").WithHttpEndpoint(port: fixedPort);
        kept.Build();

        var randomized = DistributedApplicationTestingBuilder.Create();
        var randomizedGateway = randomized.AddProject<Projects.Platform_Hosting_TestApp>("gateway").WithHttpEndpoint(port: fixedPort);
        randomized.Build();

        Assert.Equal(fixedPort, keptGateway.Resource.GetEndpoint("http").GetPort());
        Assert.NotEqual(fixedPort, randomizedGateway.Resource.GetEndpoint("http").GetPort());
    }

    [Fact]
    public void A_fixed_port_in_use_fails_the_build_naming_the_port_and_resource()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var busyPort = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var builder = DistributedApplicationTestingBuilder.Create(configure: o => o.RandomizePorts = false);
        builder.AddProject<Projects.Platform_Hosting_TestApp>("gateway").WithHttpEndpoint(port: busyPort);

        var error = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains($"Port {busyPort}", error.Message);
        Assert.Contains("gateway", error.Message);
    }

    [Fact]
    public void A_fixed_port_cannot_serve_several_replicas()
    {
        var builder = DistributedApplicationTestingBuilder.Create(configure: o => o.RandomizePorts = false);
        builder.AddProject<Projects.Platform_Hosting_TestApp>("api").WithHttpEndpoint(port: 5999).WithReplicas(2);

        var error = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("replicas", error.Message);
    }

    [Fact]
    public void Every_endpoint_of_every_replica_gets_its_own_port()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var postgres = builder.AddPostgres("pg");
        var messaging = builder.AddRabbitMQ("messaging");
        var api = builder.AddProject<Projects.Platform_Hosting_TestApp>("api").WithReplicas(2);
        builder.Build();

        var ports = new[]
        {
            postgres.Resource.PrimaryEndpoint.GetPort(),
            messaging.Resource.PrimaryEndpoint.GetPort(),
            messaging.Resource.ManagementEndpoint.GetPort(),
            api.Resource.GetEndpoint("http").GetPort(0),
            api.Resource.GetEndpoint("http").GetPort(1),
        };
        Assert.Equal(ports.Length, ports.Distinct().Count());
    }
}
