using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The test service run as its own process with exactly the environment an Aspire 13 AppHost gives a project.</summary>
[Collection(typeof(ServersCollection))]
public sealed class AspireEnvironmentTests(ServersFixture fixture)
{
    /// <summary>What a process needs from its parent to run dotnet at all; everything else is the AppHost's.</summary>
    private static readonly string[] InheritedVariables = ["PATH", "HOME", "DOTNET_ROOT", "TMPDIR"];

    [Fact]
    public async Task A_service_started_with_Aspire_s_environment_is_healthy_discovers_services_and_sends_telemetry()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var upstream = await TestWebServer.StartAsync(app => app.MapGet("/ping", () => "upstream pong"), cancellation);
        await using var otlp = await OtlpReceiver.StartAsync(cancellation);
        var url = $"http://127.0.0.1:{Platform.Testing.FreePort.Next()}";
        var environment = await AspireEnvironmentAsync(url, upstream.Url, otlp.Url, cancellation);

        var output = new StringBuilder();
        using var process = Start(TestServiceAssembly(), environment, output);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            var health = await Eventually.ReturnsAsync(
                () => process.HasExited ? throw new InvalidOperationException($"exited with {process.ExitCode}:\n{output}") : client.GetStringAsync("/health", cancellation),
                _ => true, "the service to answer /health", TimeSpan.FromSeconds(60), cancellation);

            using (var report = JsonDocument.Parse(health))
            {
                Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
            }
            Assert.Equal("upstream pong", await client.GetStringAsync("/call/upstream", cancellation));
            await otlp.WaitForAsync("traces", "GET /call/{service}", cancellation);
            Assert.Contains(otlp.Received("traces"), e => e.Contains("aspire-svc-x7k2p"));
        }
        finally
        {
            StopByPid(process);
        }
    }

    private async Task<Dictionary<string, string>> AspireEnvironmentAsync(string url, Uri upstream, Uri otlp, CancellationToken cancellation) => new()
    {
        ["ASPNETCORE_URLS"] = url,
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        ["DOTNET_LAUNCH_PROFILE"] = "http",
        ["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true",
        ["LOGGING__CONSOLE__FORMATTERNAME"] = "simple",
        ["LOGGING__CONSOLE__FORMATTEROPTIONS__TIMESTAMPFORMAT"] = "yyyy-MM-ddTHH:mm:ss.fffffff ",
        ["ConnectionStrings__appdb"] = await fixture.App.GetRequiredConnectionStringAsync("appdb", cancellation),
        ["ConnectionStrings__cache"] = await fixture.App.GetRequiredConnectionStringAsync("cache", cancellation),
        ["ConnectionStrings__messaging"] = await fixture.App.GetRequiredConnectionStringAsync("messaging", cancellation),
        ["services__upstream__http__0"] = upstream.ToString().TrimEnd('/'),
        ["UPSTREAM_HTTP"] = upstream.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=45662859ff5b72f65bd2e44ae651bd8c",
        ["OTEL_SERVICE_NAME"] = "aspire-svc",
        ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=aspire-svc-x7k2p",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        ["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based",
        ["OTEL_TRACES_SAMPLER"] = "always_on",
        ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
        ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true",
        ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
        ["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"] = "true",
        ["OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"] = "true",
    };

    /// <summary>The test service's build output, beside its project in the configuration of this build.</summary>
    private static string TestServiceAssembly()
    {
        var project = new Projects.Platform_ServiceDefaults_TestService().ProjectPath;
        var configuration = typeof(AspireEnvironmentTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        return Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0", Path.GetFileNameWithoutExtension(project) + ".dll");
    }

    private static Process Start(string assembly, Dictionary<string, string> environment, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.Environment.Clear();
        foreach (var name in InheritedVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        DataReceivedEventHandler collect = (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void StopByPid(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }

}
