using System.Text.Json;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Launchers;

/// <summary>
/// Runs the RabbitMQ broker from the machine's packages with a private node name, ports, data and
/// configuration, the management plugin, and its own user. Its Erlang port mapper (epmd) is started here
/// as a helper child on a private port rather than left to daemonize, so it cannot outlive the AppHost.
/// </summary>
internal sealed class RabbitMQLauncher(RabbitMQServerResource broker) : IResourceLauncher
{
    private string _server = "";
    private int _epmdPort;
    private int _distributionPort;

    public async Task PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        _server = ServerBinaries.FindRabbitMQServer(context.Configuration);
        var epmd = ServerBinaries.FindEpmd();
        _epmdPort = context.Ports.AllocateFreePort();
        _distributionPort = context.Ports.AllocateFreePort();

        foreach (var folder in new[] { "mnesia", "log", "home" })
        {
            Directory.CreateDirectory(Path.Combine(context.DataDirectory, folder));
        }
        WriteConfiguration(context.DataDirectory);

        await context.StartHelperProcessAsync("epmd",
            new ProcessSpec(epmd, ["-port", _epmdPort.ToString(), "-address", EndpointAnnotation.Host], context.DataDirectory));
    }

    public ProcessSpec GetProcessSpec(LaunchContext context, int replica)
    {
        var data = context.DataDirectory;
        return new ProcessSpec(_server, [], data)
        {
            // An orderly broker shutdown takes about five seconds; throw-away data does not need it.
            KillOnStop = context.ExecutionContext.IsDataEphemeral,
            Environment = new Dictionary<string, string>
            {
                ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(data, "rabbitmq-env.conf"),
                ["RABBITMQ_NODENAME"] = $"{broker.Name}@localhost",
                ["RABBITMQ_NODE_IP_ADDRESS"] = EndpointAnnotation.Host,
                ["RABBITMQ_NODE_PORT"] = broker.PrimaryEndpoint.GetPort().ToString(),
                ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(),
                ["ERL_EPMD_PORT"] = _epmdPort.ToString(),
                ["ERL_EPMD_ADDRESS"] = EndpointAnnotation.Host,
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(data, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(data, "log"),
                ["RABBITMQ_LOGS"] = "-",
                ["RABBITMQ_CONFIG_FILE"] = Path.Combine(data, "rabbitmq.conf"),
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(data, "enabled_plugins"),
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false",
                ["HOME"] = Path.Combine(data, "home"),
            },
        };
    }

    private void WriteConfiguration(string data)
    {
        // An empty environment file, so /etc/rabbitmq/rabbitmq-env.conf cannot override the settings above.
        File.WriteAllText(Path.Combine(data, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(data, "enabled_plugins"), "[rabbitmq_management].\n");

        var definitionsPath = Path.Combine(data, "definitions.json");
        ConfigurationFiles.WritePrivate(Path.Combine(data, "rabbitmq.conf"), $"""
            listeners.tcp.default = {EndpointAnnotation.Host}:{broker.PrimaryEndpoint.GetPort()}
            management.tcp.ip = {EndpointAnnotation.Host}
            management.tcp.port = {broker.ManagementEndpoint.GetPort()}
            loopback_users = none
            log.connection.level = warning
            default_user = {broker.UserName.Value}
            default_pass = {broker.Password.Value}
            definitions.import_backend = local_filesystem
            definitions.local.path = {definitionsPath}
            """);

        // Imported at every boot, so the user's password follows the secret even when data is kept.
        var definitions = new
        {
            users = new[] { new { name = broker.UserName.Value, password = broker.Password.Value, tags = new[] { "administrator" } } },
            vhosts = new[] { new { name = "/" } },
            permissions = new[] { new { user = broker.UserName.Value, vhost = "/", configure = ".*", write = ".*", read = ".*" } },
        };
        ConfigurationFiles.WritePrivate(definitionsPath, JsonSerializer.Serialize(definitions));
    }
}
