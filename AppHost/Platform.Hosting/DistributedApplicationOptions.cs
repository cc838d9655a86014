using System.Reflection;

namespace Platform.Hosting;

/// <summary>How an application model is run. Unset values come from configuration, then defaults.</summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; set; } = [];

    /// <summary>The AppHost assembly; the entry assembly when not set.</summary>
    public Assembly? Assembly { get; set; }

    /// <summary>Where servers keep their data (<c>AppHost:DataDirectory</c>); the AppHost's <c>.data</c> folder by default.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Give every endpoint a free port, fixed ports included (<c>AppHost:RandomizePorts</c>).</summary>
    public bool? RandomizePorts { get; set; }

    /// <summary>Echo every resource's output to the AppHost's console.</summary>
    public bool EchoResourceLogs { get; set; } = true;

    /// <summary>Keep generated secret parameters in the AppHost's user secrets.</summary>
    public bool PersistGeneratedParameters { get; set; } = true;

    /// <summary>The environment name given to the AppHost and its projects; Development when not set.</summary>
    public string? EnvironmentName { get; set; }

    /// <summary>How long a resource waits for the resources it <c>WaitFor</c>s before it fails.</summary>
    public TimeSpan WaitForTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a process has to stop after the graceful signal before it is killed.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Lines of console output kept per resource.</summary>
    public int ResourceLogCapacity { get; set; } = 10_000;

    /// <summary>Do not run the dashboard (configuration <c>AppHost:Dashboard:Enabled=false</c> does the same).</summary>
    public bool DisableDashboard { get; set; }

    internal bool IsTesting { get; set; }
}
