using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>Resolves the values the model takes from outside: parameters, connection strings, ports.</summary>
internal static class ModelValues
{
    private const string PasswordAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static void ResolveParameters(IEnumerable<IResource> resources, IConfiguration configuration, UserSecretsStore? secretsStore)
    {
        foreach (var parameter in resources.OfType<ParameterResource>().Where(p => !p.IsResolved))
        {
            var configured = configuration[parameter.ConfigurationKey];
            if (!string.IsNullOrEmpty(configured))
            {
                parameter.SetValue(configured);
            }
            else if (parameter.DefaultValue is { } defaultValue)
            {
                parameter.SetValue(defaultValue);
            }
            else if (parameter.Secret)
            {
                // Letters and digits only, so the value needs no escaping in any connection string format.
                var generated = parameter.Generate?.Invoke() ?? RandomNumberGenerator.GetString(PasswordAlphabet, 22);
                secretsStore?.Save(parameter.ConfigurationKey, generated);
                parameter.SetValue(generated);
            }
            else
            {
                throw new DistributedApplicationException(
                    $"Parameter '{parameter.Name}' has no value: set configuration key '{parameter.ConfigurationKey}' (appsettings.json, user secrets, or environment variable Parameters__{parameter.Name}).");
            }
        }

        foreach (var connectionString in resources.OfType<ConnectionStringResource>().Where(c => !c.IsResolved))
        {
            var configured = configuration[connectionString.ConfigurationKey];
            if (string.IsNullOrEmpty(configured))
            {
                throw new DistributedApplicationException(
                    $"Connection string '{connectionString.Name}' has no value: set configuration key '{connectionString.ConfigurationKey}' (appsettings.json, user secrets, or environment variable ConnectionStrings__{connectionString.Name}).");
            }
            connectionString.SetValue(configured);
        }
    }

    public static void AllocatePorts(IEnumerable<IResource> resources, PortAllocator ports, bool randomizePorts)
    {
        foreach (var resource in resources)
        {
            var replicas = resource.GetReplicaCount();
            foreach (var endpoint in resource.GetEndpoints().Where(e => !e.IsAllocated))
            {
                if (endpoint.Port is { } fixedPort && !randomizePorts)
                {
                    if (replicas > 1)
                    {
                        throw new DistributedApplicationException(
                            $"Resource '{resource.Name}' has {replicas} replicas but endpoint '{endpoint.Name}' has the fixed port {fixedPort}: replicas need a port each, so drop the fixed port.");
                    }
                    endpoint.AllocatedPorts = [ports.ReserveFixedPort(fixedPort, $"{resource.Name}/{endpoint.Name}")];
                }
                else
                {
                    endpoint.AllocatedPorts = Enumerable.Range(0, replicas).Select(_ => ports.AllocateFreePort()).ToList();
                }
            }
        }
    }
}
