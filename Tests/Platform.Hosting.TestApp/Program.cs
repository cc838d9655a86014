// Reports the environment the AppHost gave it, and is healthy only once the file named by
// HEALTHY_WHEN_FILE_EXISTS exists (when set), so tests can decide when it becomes healthy.
var app = WebApplication.CreateBuilder(args).Build();

app.MapGet("/health", () =>
    Environment.GetEnvironmentVariable("HEALTHY_WHEN_FILE_EXISTS") is { } gate && !File.Exists(gate)
        ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
        : Results.Text("Healthy"));

app.MapGet("/env", () => Environment.GetEnvironmentVariables()
    .Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value));

app.MapGet("/pid", () => Environment.ProcessId);

app.Run();
