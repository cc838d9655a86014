using System.Security.Cryptography;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("pg");
var usersDb = postgres.AddDatabase("usersdb");
var productsDb = postgres.AddDatabase("productsdb");
var ordersDb = postgres.AddDatabase("ordersdb");
var notificationsDb = postgres.AddDatabase("notificationsdb");

var cache = builder.AddRedis("cache");

var messaging = builder.AddRabbitMQ("messaging");

// The users service signs access tokens with this key; the others validate them against its JWKS.
var jwtSigningKey = builder.AddParameter("jwt-signing-key", () =>
{
    using var key = RSA.Create(2048);
    return key.ExportPkcs8PrivateKeyPem();
});
var adminUserName = builder.AddParameter("admin-username");
var adminEmail = builder.AddParameter("admin-email");
var adminPassword = builder.AddParameter("admin-password", secret: true);

var users = builder.AddProject<Projects.Platform_Users>("users")
    .WithReference(usersDb).WaitFor(usersDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithEnvironment("Admin__Username", adminUserName)
    .WithEnvironment("Admin__Email", adminEmail)
    .WithEnvironment("Admin__Password", adminPassword)
    .WithHttpHealthCheck("/health");

var products = builder.AddProject<Projects.Platform_Products>("products")
    .WithReference(productsDb).WaitFor(productsDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(users)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Platform_Gateway>("gateway")
    .WithReference(users).WaitFor(users)
    .WithReference(products).WaitFor(products)
    .WithHttpEndpoint(port: 5080)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
