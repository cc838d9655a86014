namespace Platform.Hosting.Testing;

/// <summary>
/// Lets Platform.Hosting.Testing run an AppHost's entry point in a test: the hook adjusts the options of
/// the builder the entry point creates (random ports, temporary data) and captures that builder when the
/// entry point calls <c>Build()</c>, ending the entry point there so the test can extend and start the model.
/// </summary>
internal sealed class DistributedApplicationTestingHook(Action<DistributedApplicationOptions> configureOptions)
{
    private static readonly AsyncLocal<DistributedApplicationTestingHook?> Installed = new();

    public static DistributedApplicationTestingHook? Current => Installed.Value;

    public DistributedApplicationBuilder? CapturedBuilder { get; private set; }

    public static void Install(DistributedApplicationTestingHook? hook) => Installed.Value = hook;

    public void ConfigureOptions(DistributedApplicationOptions options) => configureOptions(options);

    /// <summary>Called by <c>Build()</c>; throws to end the entry point the first time.</summary>
    public void OnBuilding(DistributedApplicationBuilder builder)
    {
        if (CapturedBuilder is null)
        {
            CapturedBuilder = builder;
            throw new BuilderCapturedException();
        }
    }
}

/// <summary>Unwinds an AppHost's entry point once its builder has been captured.</summary>
internal sealed class BuilderCapturedException() : Exception("The application builder was captured by the testing host.");
