namespace Platform.Dashboard.Web.Tests;

/// <summary>The dashboard can be switched off, by option or by configuration, and its stores bounded.</summary>
public sealed class DashboardOptionsTests
{
    [Fact]
    public async Task DisableDashboard_runs_the_application_without_it()
    {
        var builder = DistributedApplicationTestingBuilder.Create(configure: options => options.DisableDashboard = true);
        builder.AddParameter("greeting");
        builder.Configuration["Parameters:greeting"] = "hello";
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);

        await app.StartAsync(TestContext.Current.CancellationToken);

        Assert.Null(app.DashboardUrl);
        Assert.Null(app.GetDashboardLoginUrl());
    }

    [Fact]
    public async Task The_configuration_key_switches_it_off_too()
    {
        var builder = DistributedApplicationTestingBuilder.Create(["--AppHost:Dashboard:Enabled=false"]);
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);

        await app.StartAsync(TestContext.Current.CancellationToken);

        Assert.Null(app.DashboardUrl);
    }

    [Fact]
    public async Task By_default_the_testing_host_runs_it_on_a_random_port()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);

        await app.StartAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("http://127.0.0.1:", app.DashboardUrl);
        Assert.NotEqual("http://127.0.0.1:18888", app.DashboardUrl);
        Assert.StartsWith($"{app.DashboardUrl}/login?t=", app.GetDashboardLoginUrl());
    }

    [Fact]
    public async Task The_AppHosts_Dashboard_settings_bound_the_telemetry_stores()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create(["--Dashboard:Telemetry:MaxSpans=2"]);
        await using var app = await builder.BuildAsync(cancellation);
        await app.StartAsync(cancellation);

        var sent = await TelemetrySender.SendAsync(app); // one trace of three spans
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new(), UseCookies = true });
        (await browser.GetAsync(app.GetDashboardLoginUrl(), cancellation)).EnsureSuccessStatusCode();
        var trace = await browser.GetStringAsync($"{app.DashboardUrl}/traces/{sent.TraceId}", cancellation);

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(trace, "data-span-id="));
    }
}
