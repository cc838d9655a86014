using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.TestService;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<TestDbContext>("appdb");
builder.AddRedisClient("cache");
builder.SetHealthCheckFailureStatus("StackExchange.Redis", HealthStatus.Degraded);
builder.AddRabbitMQConnection("messaging");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/ping", () => "pong");
// Calls another service by its logical name, through service discovery.
app.MapGet("/call/{service}", (string service, IHttpClientFactory clients, CancellationToken cancellationToken) =>
    clients.CreateClient().GetStringAsync($"https+http://{service}/ping", cancellationToken));
app.Run();
