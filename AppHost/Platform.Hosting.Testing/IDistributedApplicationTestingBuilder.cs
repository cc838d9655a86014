namespace Platform.Hosting.Testing;

/// <summary>An application model prepared for a test: random ports, temporary data, no console echo.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
