/// <summary>
/// Gives every export to the dashboard one second. Aspire stops the dashboard together with the services, and an
/// OTLP exporter retries a vanished endpoint until its deadline (10 s by default) before the service can exit;
/// the dashboard on loopback answers within milliseconds while it runs.
/// </summary>
internal static class OtlpExportTimeout
{
    private const string OneSecond = "1000";

    public static IDistributedApplicationBuilder LimitOtlpExportsToOneSecond(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            foreach (var resource in @event.Model.Resources.Where(r => r.HasAnnotationOfType<OtlpExporterAnnotation>()))
            {
                resource.Annotations.Add(new EnvironmentCallbackAnnotation("OTEL_EXPORTER_OTLP_TIMEOUT", () => OneSecond));
            }
            return Task.CompletedTask;
        });
        return builder;
    }
}
