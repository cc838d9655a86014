using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.EventBus;
using Platform.EventBus.TestService;
using Platform.EventBus.Testing;

// Configuration (environment): ConnectionStrings__<Worker__Database> and ConnectionStrings__messaging;
// Worker__ServiceName; Worker__Consume=false to only relay the outbox; Worker__HangAfterCommitFile; EventBus__*.
var builder = WebApplication.CreateBuilder(args);
var worker = builder.Configuration.GetSection("Worker");
var connectionString = builder.Configuration.GetConnectionString(worker["Database"] ?? "appdb");

builder.Services.AddDbContext<TestDbContext>(options => TestDbContext.Configure(options, connectionString));
if (worker["HangAfterCommitFile"] is { Length: > 0 } armFile)
{
    builder.Services.ConfigureDbContext<TestDbContext>(options => options.AddInterceptors(new HangAfterCommitInterceptor(armFile)));
}

var serviceName = worker["ServiceName"] ?? "worker";
var connection = await BrokerConnections.OpenAsync(
    builder.Configuration.GetConnectionString("messaging") ?? throw new InvalidOperationException("No ConnectionStrings__messaging."),
    serviceName, CancellationToken.None);
builder.Services.AddSingleton(_ => connection);

var bus = builder.AddRabbitMQEventBus("messaging", serviceName).UseDbContext<TestDbContext>();
if (worker.GetValue("Consume", true))
{
    bus.AddEventHandler<OrderPlaced, OrderPlacedRecorder>();
}

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.MigrateAsync();
}
app.MapHealthChecks("/health");
app.Run();
