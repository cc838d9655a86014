namespace Platform.Hosting.ApplicationModel;

/// <summary><c>WaitFor</c>: the resource starts only once <see cref="Resource"/> is running and healthy.</summary>
public sealed class WaitAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}

/// <summary><c>WithReference</c>: the resource is given the address or connection string of <see cref="Resource"/>.</summary>
public sealed class ReferenceAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}

/// <summary><c>WithReplicas</c>: how many processes of a project run side by side.</summary>
public sealed class ReplicaAnnotation(int replicas) : IResourceAnnotation
{
    public int Replicas { get; } = replicas >= 1
        ? replicas
        : throw new ArgumentOutOfRangeException(nameof(replicas), replicas, "A resource runs at least one replica.");
}
