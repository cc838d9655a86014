using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Bench;
using Platform.Bench.EventBus;
using Platform.Contracts;
using Platform.EventBus;
using Platform.EventBus.Testing;
using Platform.Testing;

// Usage: Platform.Bench.EventBus [events for throughput = 20000] [steady rate per s = 200] [steady seconds = 15]
// One service publishes OrderPlaced through its outbox and handles it from its own queue through its inbox,
// against PostgreSQL and RabbitMQ started on random ports with throw-away data. Settings such as
// EventBus__ConsumerConcurrency=4 come from the environment.
var throughputEvents = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var steadyRate = args.Length > 1 ? int.Parse(args[1]) : 200;
var steadySeconds = args.Length > 2 ? int.Parse(args[2]) : 15;
var timeout = TimeSpan.FromMinutes(5);

var servers = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
servers.AddPostgres("pg").RunAsLocalProcess();
servers.AddRabbitMQ("messaging").RunAsLocalProcess();
await using var app = await servers.BuildAsync();
await app.StartAsync();
await app.WaitForResourceHealthyAsync("pg");
await app.WaitForResourceHealthyAsync("messaging");

var server = await app.GetRequiredConnectionStringAsync("pg");
await using (var connection = new NpgsqlConnection(server))
{
    await connection.OpenAsync();
    await new NpgsqlCommand("CREATE DATABASE bench", connection).ExecuteNonQueryAsync();
}
var database = $"{server};Database=bench";

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// Migrating a new database first probes a history table that is not there yet: an expected failure, not news.
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
// Registered as the services register theirs (Aspire's Npgsql integration, statements prepared).
builder.Configuration["ConnectionStrings:bench"] = database;
builder.AddPostgresDbContext<TestDbContext>("bench");
var broker = await BrokerConnections.OpenAsync(await app.GetRequiredConnectionStringAsync("messaging"), "bench", CancellationToken.None);
builder.Services.AddSingleton(_ => broker);
builder.Services.AddSingleton<HandledLatencies>();
builder.AddRabbitMQEventBus("messaging", "bench").UseDbContext<TestDbContext>().AddEventHandler<OrderPlaced, TimedOrderPlacedHandler>();
using var host = builder.Build();
await using (var scope = host.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.MigrateAsync();
}
await host.StartAsync();
var latencies = host.Services.GetRequiredService<HandledLatencies>();

async Task PublishAsync(int count)
{
    await using var scope = host.Services.CreateAsyncScope();
    var bus = scope.ServiceProvider.GetRequiredService<IEventBus>();
    for (var i = 0; i < count; i++)
    {
        await bus.PublishAsync(new OrderPlaced(Guid.NewGuid(), Guid.NewGuid(), [new OrderLine(Guid.NewGuid(), 1, 10m)], 10m));
    }
    await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync();
}

async Task WaitForHandledAsync(int count)
{
    var deadline = Stopwatch.StartNew();
    while (latencies.Count < count)
    {
        if (deadline.Elapsed > timeout)
        {
            throw new TimeoutException($"Only {latencies.Count} of {count} events were handled in {timeout.TotalMinutes} min.");
        }
        await Task.Delay(5);
    }
}

// Warm-up: JIT, connection pools, the queue's first messages.
await PublishAsync(500);
await WaitForHandledAsync(500);
latencies.Reset();

// Throughput: publish in transactions of 100 events, as fast as possible, until every event is handled.
var cpuBefore = CpuSnapshot.Take();
var clock = Stopwatch.StartNew();
for (var published = 0; published < throughputEvents; published += 100)
{
    await PublishAsync(Math.Min(100, throughputEvents - published));
}
var publishedIn = clock.Elapsed;
await WaitForHandledAsync(throughputEvents);
var handledIn = clock.Elapsed;
var throughputCpu = cpuBefore.Until(CpuSnapshot.Take()).PerUnit(throughputEvents, "event", handledIn);
latencies.Reset();

// Latency: one event per transaction at a steady rate, well below the throughput.
var steadyEvents = steadyRate * steadySeconds;
cpuBefore = CpuSnapshot.Take();
clock.Restart();
for (var i = 0; i < steadyEvents; i++)
{
    var due = TimeSpan.FromSeconds((double)i / steadyRate) - clock.Elapsed;
    if (due > TimeSpan.Zero)
    {
        await Task.Delay(due);
    }
    await PublishAsync(1);
}
await WaitForHandledAsync(steadyEvents);
var steadyCpu = cpuBefore.Until(CpuSnapshot.Take()).PerUnit(steadyEvents, "event", clock.Elapsed);
var (p50, p99, max) = latencies.Percentiles();
await host.StopAsync();

var options = host.Services.GetRequiredService<IOptions<EventBusOptions>>().Value;
Console.WriteLine($"Event bus, outbox -> RabbitMQ -> inbox, one service handling its own events ({Environment.ProcessorCount} cores; " +
    $"consumer concurrency {options.ConsumerConcurrency}, prefetch {options.PrefetchCount}, handling batch {options.MaxBatchSize}, outbox batch {options.OutboxBatchSize})");
Console.WriteLine($"  throughput: {throughputEvents} events in {handledIn.TotalSeconds:0.00} s = {throughputEvents / handledIn.TotalSeconds:0} events/s handled " +
    $"(committing them to the outbox took {publishedIn.TotalSeconds:0.00} s)");
Console.WriteLine($"    {throughputCpu}");
Console.WriteLine($"  latency at {steadyRate} events/s for {steadySeconds} s, publish to handled: " +
    $"p50 {p50.TotalMilliseconds:0.0} ms, p99 {p99.TotalMilliseconds:0.0} ms, max {max.TotalMilliseconds:0.0} ms");
Console.WriteLine($"    {steadyCpu}");
