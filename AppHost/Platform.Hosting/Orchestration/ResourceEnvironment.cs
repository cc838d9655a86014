using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>Computes the environment of one process of a resource: Aspire's environment contract.</summary>
internal static class ResourceEnvironment
{
    public static EnvironmentCallbackContext Resolve(IResource resource, int replica, DistributedApplicationExecutionContext executionContext)
    {
        var context = new EnvironmentCallbackContext(executionContext, resource, replica);
        if (resource is ProjectResource project)
        {
            AddProjectDefaults(context, project);
        }
        foreach (var annotation in resource.AnnotationsOfType<EnvironmentCallbackAnnotation>())
        {
            annotation.Callback(context);
        }
        return context;
    }

    private static void AddProjectDefaults(EnvironmentCallbackContext context, ProjectResource project)
    {
        var execution = context.ExecutionContext;
        var urls = project.GetEndpoints().Where(e => e.Scheme is "http" or "https").Select(e => e.GetUrl(context.ReplicaIndex));
        context.Set("ASPNETCORE_URLS", string.Join(';', urls));
        context.Set("ASPNETCORE_ENVIRONMENT", execution.EnvironmentName);
        context.Set("DOTNET_ENVIRONMENT", execution.EnvironmentName);

        context.Set("OTEL_EXPORTER_OTLP_ENDPOINT", execution.OtlpEndpointUrl);
        context.Set("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        context.Set("OTEL_EXPORTER_OTLP_HEADERS", $"x-otlp-api-key={execution.OtlpApiKey}", isSecret: true);
        context.Set("OTEL_SERVICE_NAME", project.Name);
        context.Set("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={project.Name}-{context.ReplicaIndex}");
        // Short export intervals, as an Aspire AppHost sets them, so the dashboard shows telemetry within a second.
        context.Set("OTEL_BSP_SCHEDULE_DELAY", "1000");
        context.Set("OTEL_BLRP_SCHEDULE_DELAY", "1000");
        context.Set("OTEL_METRIC_EXPORT_INTERVAL", "1000");
        context.Set("OTEL_TRACES_SAMPLER", "always_on");
    }
}
