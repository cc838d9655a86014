namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// A value taken from configuration key <c>Parameters:name</c>. A secret parameter without a configured
/// value is generated once and kept in the AppHost's user secrets, outside the repository.
/// </summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name)
{
    private string? _value;

    public bool Secret { get; } = secret;

    public string ConfigurationKey => $"Parameters:{Name}";

    /// <summary>Used when configuration has no value.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Makes a secret's value when configuration has none (22 letters and digits unless set).</summary>
    public Func<string>? Generate { get; init; }

    public string Value => _value
        ?? throw new InvalidOperationException($"Parameter '{Name}' has no value yet: build the application first.");

    internal bool IsResolved => _value is not null;

    internal void SetValue(string value) => _value = value;

    /// <summary>Never the value: a parameter may be a secret.</summary>
    public override string ToString() => $"{Name} (parameter)";
}

/// <summary>A connection string to an existing server, taken from configuration key <c>ConnectionStrings:name</c>.</summary>
public sealed class ConnectionStringResource(string name) : Resource(name), IResourceWithConnectionString
{
    private string? _value;

    public string ConfigurationKey => $"ConnectionStrings:{Name}";

    internal bool IsResolved => _value is not null;

    internal void SetValue(string value) => _value = value;

    public string GetConnectionString() => _value
        ?? throw new InvalidOperationException($"Connection string '{Name}' is not set: add '{ConfigurationKey}' to the AppHost's configuration.");
}
