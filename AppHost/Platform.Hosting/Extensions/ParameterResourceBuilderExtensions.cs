using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>
    /// A value from configuration key <c>Parameters:{name}</c>. A secret without a configured value is
    /// generated once and saved in the AppHost's user secrets; it is never printed.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, secret));

    /// <summary>A secret made by <paramref name="generate"/> on first use (a signing key, say), then kept like any generated secret.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, Func<string> generate) =>
        builder.AddResource(new ParameterResource(name, secret: true) { Generate = generate });

    /// <summary>A connection string to an existing server, from configuration key <c>ConnectionStrings:{name}</c>.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddConnectionString(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new ConnectionStringResource(name));

    internal static ParameterResource GetOrAddSecret(this IDistributedApplicationBuilder builder, IResourceBuilder<ParameterResource>? given, string name) =>
        given?.Resource ?? builder.AddParameter(name, secret: true).Resource;
}
