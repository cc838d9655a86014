namespace Platform.Hosting.ApplicationModel;

/// <summary>Adds environment variables to each process of a resource when it starts.</summary>
public sealed class EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) : IResourceAnnotation
{
    public Action<EnvironmentCallbackContext> Callback { get; } = callback;
}

public sealed class EnvironmentCallbackContext(
    DistributedApplicationExecutionContext executionContext,
    IResource resource,
    int replicaIndex)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public IResource Resource { get; } = resource;

    public int ReplicaIndex { get; } = replicaIndex;

    public Dictionary<string, string> EnvironmentVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>Names of variables whose values must be masked wherever they are shown.</summary>
    public HashSet<string> SecretVariables { get; } = new(StringComparer.Ordinal);

    public void Set(string name, string value, bool isSecret = false)
    {
        EnvironmentVariables[name] = value;
        if (isSecret)
        {
            SecretVariables.Add(name);
        }
    }
}
