namespace Platform.Hosting.ApplicationModel;

/// <summary>A resource that receives environment variables (projects and executables).</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource that listens on endpoints.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource whose start can be held back until others are healthy.</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>A resource other resources reach through service discovery (<c>services__name__http__0</c>).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

/// <summary>A resource a client connects to with a connection string (<c>ConnectionStrings__name</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string, available once the application is built (ports allocated).</summary>
    string GetConnectionString();
}

/// <summary>A resource that lives inside another one, such as a database inside its server.</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
