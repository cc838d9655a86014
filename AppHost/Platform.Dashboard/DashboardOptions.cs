namespace Platform.Dashboard;

/// <summary>How the AppHost runs its dashboard.</summary>
public sealed record DashboardOptions
{
    /// <summary>The port of the pages, on 127.0.0.1 (18888 in development).</summary>
    public required int UiPort { get; init; }

    /// <summary>The port of the OTLP/HTTP receiver, on 127.0.0.1 (18889 in development).</summary>
    public required int OtlpPort { get; init; }

    /// <summary>The key projects send in the <c>x-otlp-api-key</c> header (configuration <c>Dashboard:Otlp:ApiKey</c>).</summary>
    public required string OtlpApiKey { get; init; }

    /// <summary>The AppHost's <c>Dashboard:*</c> settings, e.g. the store limits <c>Dashboard:Telemetry:MaxSpans</c>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings { get; init; } = [];

    /// <summary>Write the dashboard server's own warnings and errors to the console (off in tests).</summary>
    public bool LogWarningsToConsole { get; init; }

    /// <summary>Called with every fresh one-time login URL, for the AppHost to print.</summary>
    public Action<string>? LoginUrlIssued { get; init; }
}
