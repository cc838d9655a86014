using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>A host with the service defaults and the given configuration, for its IHttpClientFactory.</summary>
internal sealed class ClientHost(IHost host, IConfigurationRoot configuration) : IDisposable
{
    public static ClientHost Create(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "client" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        return new ClientHost(builder.Build(), builder.Configuration);
    }

    /// <summary>The host's configuration, to change and reload while it runs.</summary>
    public IConfigurationRoot Configuration => configuration;

    public HttpClient CreateClient() => host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

    public T GetRequiredService<T>() where T : notnull => host.Services.GetRequiredService<T>();

    public void Dispose() => host.Dispose();
}
