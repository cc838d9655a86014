namespace Platform.Hosting;

/// <summary>A failure of the application model or of a resource, with a message meant for the developer.</summary>
public class DistributedApplicationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
