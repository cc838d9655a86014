using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Clients;
using OpenTelemetry.Trace;
using RabbitMQ.Client;

namespace Microsoft.Extensions.Hosting;

public static class RabbitMQClientExtensions
{
    /// <summary>
    /// Registers one shared <see cref="IConnection"/> to the broker at <c>ConnectionStrings:&lt;connectionName&gt;</c>
    /// (an amqp:// URI, as Aspire.RabbitMQ.Client does), recovering automatically with its topology, a health check
    /// named <paramref name="connectionName"/> and RabbitMQ.Client's publish and receive traces.
    /// </summary>
    public static void AddRabbitMQClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(ClientIntegration.GetRequiredConnectionString(builder, connectionName)),
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            ClientProvidedName = builder.Environment.ApplicationName,
        };
        // DI factories are synchronous; the connection is made once, on first use.
        builder.Services.AddSingleton(_ => factory.CreateConnectionAsync().GetAwaiter().GetResult());
        builder.Services.AddHealthChecks()
            .AddCheck<RabbitMQHealthCheck>(connectionName, timeout: ClientIntegration.HealthCheckTimeout);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource("RabbitMQ.Client.Publisher", "RabbitMQ.Client.Subscriber"));
    }
}
