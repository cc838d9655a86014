namespace Platform.Hosting.ApplicationModel;

/// <summary>A link shown with the resource besides its endpoints (a folder it writes to, a page of its UI).</summary>
public sealed record ResourceUrlAnnotation(string Url, string DisplayText) : IResourceAnnotation;
