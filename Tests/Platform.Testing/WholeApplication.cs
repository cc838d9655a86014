using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Testing;

public static class WholeApplication
{
    /// <summary>
    /// The resources that start with the application: not the parameters, and not the ones that start only on
    /// request (such as the rebuilder Aspire adds beside each project).
    /// </summary>
    public static IReadOnlyList<IResource> ResourcesStartedWithTheApplication(this DistributedApplication app) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is not ParameterResource && !r.HasAnnotationOfType<ExplicitStartupAnnotation>())
            .ToList();

    /// <summary>Waits until every resource that starts with the application is healthy.</summary>
    public static Task WaitForAllResourcesHealthyAsync(this DistributedApplication app, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Task.WhenAll(app.ResourcesStartedWithTheApplication().Select(r => app.WaitForResourceHealthyAsync(r.Name, timeout, cancellationToken)));
}
