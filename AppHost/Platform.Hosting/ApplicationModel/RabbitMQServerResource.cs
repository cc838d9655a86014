namespace Platform.Hosting.ApplicationModel;

/// <summary>A RabbitMQ broker run from the machine's own binaries, with its own user and the management UI.</summary>
public sealed class RabbitMQServerResource(string name, ParameterResource userName, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string ManagementEndpointName = "management";

    public ParameterResource UserName { get; } = userName;

    public ParameterResource Password { get; } = password;

    public EndpointAnnotation PrimaryEndpoint => this.GetEndpoint("tcp");

    public EndpointAnnotation ManagementEndpoint => this.GetEndpoint(ManagementEndpointName);

    public string GetConnectionString() =>
        $"amqp://{Uri.EscapeDataString(UserName.Value)}:{Uri.EscapeDataString(Password.Value)}@{EndpointAnnotation.Host}:{PrimaryEndpoint.GetPort()}";
}
