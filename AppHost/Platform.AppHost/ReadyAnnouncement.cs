using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// Logs "Platform is running" with the shop's and the dashboard's addresses once every resource is healthy:
/// Aspire's own "Distributed application started" comes as soon as the processes are launched, before the
/// databases are migrated and the services answer.
/// </summary>
internal static class ReadyAnnouncement
{
    public static IDistributedApplicationBuilder AnnounceWhenHealthy(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, cancellationToken) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.AppHost");
            // Not the parameters, nor what starts only on request (the rebuilder Aspire adds beside each project).
            var resources = @event.Model.Resources.Where(r => r is not ParameterResource && !r.HasAnnotationOfType<ExplicitStartupAnnotation>()).ToList();
            _ = Task.Run(async () =>
            {
                try
                {
                    await Task.WhenAll(resources.Select(r => notifications.WaitForResourceHealthyAsync(r.Name, cancellationToken)));
                    logger.LogInformation(
                        "Platform is running: the shop at {Storefront}, the API at {Gateway}, the dashboard at {Dashboard}. Press Ctrl+C to stop everything.",
                        Url(resources, "storefront"), Url(resources, "gateway"), builder.Configuration["ASPNETCORE_URLS"]);
                }
                catch (OperationCanceledException)
                {
                    // Stopped before it was ready.
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Could not announce the running platform");
                }
            }, cancellationToken);
            return Task.CompletedTask;
        });
        return builder;
    }

    private static string? Url(IEnumerable<IResource> resources, string name) =>
        resources.OfType<IResourceWithEndpoints>().Single(r => r.Name == name).GetEndpoint("http").Url;
}
