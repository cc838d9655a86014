using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

/// <summary>The resources an application is made of, as declared by the AppHost.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public IResource GetResource(string name) =>
        Resources.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"There is no resource named '{name}'. Resources: {string.Join(", ", Resources.Select(r => r.Name))}.", nameof(name));
}
