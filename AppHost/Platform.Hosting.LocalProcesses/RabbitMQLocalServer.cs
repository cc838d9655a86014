using System.Text.Json;
using System.Runtime.Versioning;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>
/// Runs the RabbitMQ broker from the machine's packages with a private node name, ports, data and
/// configuration. Its Erlang port mapper (epmd) runs beside it as a process of its own on a private port,
/// rather than daemonizing, so it cannot outlive the AppHost. No Erlang VM of the broker may start an epmd
/// itself: RabbitMQ's epmd monitor boots a one-off VM every minute to "keep epmd alive", and one booted after
/// the private epmd has stopped (the AppHost shutting down) would leave an <c>epmd -daemon</c> behind.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class RabbitMQLocalServer(RabbitMQServerResource broker) : LocalServer(broker)
{
    private const string ManagementEndpointName = "management";

    private int _epmdPort;
    private int _distributionPort;

    public override string Product => "The RabbitMQ server (rabbitmq-server)";

    public override string Package => "rabbitmq-server";

    // The /usr/sbin wrapper switches user with su; the script it wraps runs as whoever starts it.
    public override string? FindProgram() =>
        File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server") ? "/usr/lib/rabbitmq/bin/rabbitmq-server" : null;

    public override void AddHelpers(IDistributedApplicationBuilder builder, IResourceBuilder<ExecutableResource> server, LocalServerContext context)
    {
        _epmdPort = FreePorts.Next();
        _distributionPort = FreePorts.Next();
        var epmd = builder.AddExecutable($"{broker.Name}-epmd", ServerPrograms.FindOnPath("epmd") ?? "epmd", builder.AppHostDirectory,
                "-port", $"{_epmdPort}", "-address", "127.0.0.1")
            .WithInitialState(LocalServerRunner.HiddenProcess);
        server.WaitFor(epmd);
    }

    public override Task PrepareAsync(LocalServerContext context, CancellationToken cancellationToken) => WriteConfigurationAsync(context, cancellationToken);

    public override IEnumerable<string> Arguments(LocalServerContext context) => [];

    public override IEnumerable<KeyValuePair<string, string>> Environment(LocalServerContext context)
    {
        var data = context.DataDirectory;
        return new Dictionary<string, string>
        {
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(data, "rabbitmq-env.conf"),
            ["RABBITMQ_NODENAME"] = $"{broker.Name}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = $"{Port(broker.PrimaryEndpoint)}",
            ["RABBITMQ_DIST_PORT"] = $"{_distributionPort}",
            ["ERL_EPMD_PORT"] = $"{_epmdPort}",
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            // Read by every Erlang VM started with this environment, the broker's one-off VMs included.
            ["ERL_FLAGS"] = "-start_epmd false",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(data, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(data, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(data, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(data, "enabled_plugins"),
            // The broker stops itself (connections, queues, message stores) before the VM's shutdown begins;
            // shutdown_time caps the rest, which otherwise idles about five seconds before the VM exits.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -shutdown_time 1000",
            ["HOME"] = Path.Combine(data, "home"),
        };
    }

    private async Task WriteConfigurationAsync(LocalServerContext context, CancellationToken cancellationToken)
    {
        var data = context.DataDirectory;
        foreach (var folder in new[] { "mnesia", "log", "home" })
        {
            Directory.CreateDirectory(Path.Combine(data, folder));
        }
        var userName = await broker.UserNameReference.GetValueAsync(cancellationToken);
        var password = await broker.PasswordParameter.GetValueAsync(cancellationToken);
        var management = broker.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(endpoint => endpoint.Name == ManagementEndpointName);

        // An empty environment file, so /etc/rabbitmq/rabbitmq-env.conf cannot override the settings above.
        File.WriteAllText(Path.Combine(data, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(data, "enabled_plugins"), management is null ? "[].\n" : "[rabbitmq_management].\n");

        var definitionsPath = Path.Combine(data, "definitions.json");
        PrivateFile.Write(Path.Combine(data, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{Port(broker.PrimaryEndpoint)}
            {(management is null ? "" : $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {management.TargetPort}")}
            loopback_users = none
            log.connection.level = warning
            default_user = {userName}
            default_pass = {password}
            definitions.import_backend = local_filesystem
            definitions.local.path = {definitionsPath}
            """);

        // Imported at every boot, so the user's password follows the secret even when data is kept.
        var definitions = new
        {
            users = new[] { new { name = userName, password, tags = new[] { "administrator" } } },
            vhosts = new[] { new { name = "/" } },
            permissions = new[] { new { user = userName, vhost = "/", configure = ".*", write = ".*", read = ".*" } },
        };
        PrivateFile.Write(definitionsPath, JsonSerializer.Serialize(definitions));
    }
}
