namespace Microsoft.Extensions.Hosting;

public static class RabbitMQConnectionExtensions
{
    /// <summary>
    /// Aspire's <c>AddRabbitMQClient</c>, except that a missing connection string fails the connection's first use
    /// with a message naming it, as the PostgreSQL and Redis clients do, instead of connecting to amqp://localhost.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMQConnection(this IHostApplicationBuilder builder, string connectionName)
    {
        var configured = false;
        builder.AddRabbitMQClient(connectionName,
            settings => configured = !string.IsNullOrWhiteSpace(settings.ConnectionString),
            _ =>
            {
                if (!configured)
                {
                    throw new InvalidOperationException(
                        $"RabbitMQ connection string is missing: set 'ConnectionStrings:{connectionName}' (the AppHost does, through WithReference).");
                }
            });
        return builder;
    }
}
