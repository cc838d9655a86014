namespace Platform.Hosting;

/// <summary>Facts about this run that resources and launchers need.</summary>
public sealed class DistributedApplicationExecutionContext
{
    public required string AppHostDirectory { get; init; }

    /// <summary>Root of the servers' data; each server keeps its data in a sub-folder named after it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The data folder is a temporary one, deleted when the application is disposed.</summary>
    public required bool IsDataEphemeral { get; init; }

    public required bool RandomizePorts { get; init; }

    public required string EnvironmentName { get; init; }

    /// <summary>Where projects send OpenTelemetry data (OTLP over HTTP).</summary>
    public required string OtlpEndpointUrl { get; init; }

    /// <summary>The key projects send to the OTLP endpoint (<c>x-otlp-api-key</c>); a new one every run.</summary>
    public required string OtlpApiKey { get; init; }

    public string GetDataDirectory(string resourceName) => Path.Combine(DataDirectory, resourceName);
}
