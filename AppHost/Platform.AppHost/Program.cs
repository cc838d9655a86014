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

// Without an SMTP server (Email__SmtpHost), mail is written as .eml files to this folder.
var mailFolder = Path.Combine(builder.ExecutionContext.GetDataDirectory("notifications"), "mail");
var notifications = builder.AddProject<Projects.Platform_Notifications>("notifications")
    .WithReference(notificationsDb).WaitFor(notificationsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(users)
    .WithEnvironment("Email__PickupDirectory", mailFolder)
    .WithUrl(new Uri(mailFolder + "/").AbsoluteUri, "mail")
    .WithHttpHealthCheck("/health");

var products = builder.AddProject<Projects.Platform_Products>("products")
    .WithReference(productsDb).WaitFor(productsDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(users)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

// Orders waits for the consumers of its events (products, notifications): an event published before its
// consumer's queue exists has nowhere to go.
var orders = builder.AddProject<Projects.Platform_Orders>("orders")
    .WithReference(ordersDb).WaitFor(ordersDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(users)
    .WithReference(products).WaitFor(products)
    .WaitFor(notifications)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.Platform_Gateway>("gateway")
    .WithReference(users).WaitFor(users)
    .WithReference(products).WaitFor(products)
    .WithReference(orders).WaitFor(orders)
    .WithReference(notifications).WaitFor(notifications)
    .WithHttpEndpoint(port: 5080)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// The shop's web UI talks to the gateway only.
builder.AddProject<Projects.Platform_Storefront>("storefront")
    .WithReference(gateway).WaitFor(gateway)
    .WithHttpEndpoint(port: 5000)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
