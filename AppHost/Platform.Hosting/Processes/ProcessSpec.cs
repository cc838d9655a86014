namespace Platform.Hosting.Processes;

/// <summary>What to run for one process of a resource.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>Variables set on top of the AppHost's own environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Run under this account (PostgreSQL refuses to run as root).</summary>
    public UnixUser? RunAs { get; init; }

    /// <summary>The signal that asks the program to shut down cleanly.</summary>
    public UnixSignal StopSignal { get; init; } = UnixSignal.Terminate;

    /// <summary>Stop by killing the process group at once: for servers whose data is thrown away anyway.</summary>
    public bool KillOnStop { get; init; }
}
