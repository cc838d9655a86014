var builder = DistributedApplication.CreateBuilder(args);

// Containers where a container runtime answers; the machine's own servers where none does (RunAsLocalProcess).
var postgres = builder.AddPostgres("pg").WithDataVolume().RunAsLocalProcess();
var usersDb = postgres.AddDatabase("usersdb");
var productsDb = postgres.AddDatabase("productsdb");
var ordersDb = postgres.AddDatabase("ordersdb");
var notificationsDb = postgres.AddDatabase("notificationsdb");

var cache = builder.AddRedis("cache").WithDataVolume().RunAsLocalProcess();

var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin().WithDataVolume().RunAsLocalProcess();

// The users service signs access tokens with this key; the others validate them against its JWKS.
// A deployment asks for the key (azd prompts for it); a dev run generates one into the user secrets.
var jwtSigningKey = builder.ExecutionContext.IsRunMode
    ? builder.AddParameter("jwt-signing-key", new RsaPrivateKeyParameterDefault(), secret: true, persist: true)
    : builder.AddParameter("jwt-signing-key", secret: true);
var adminUserName = builder.AddParameter("admin-username");
var adminEmail = builder.AddParameter("admin-email");
var adminPassword = builder.AddParameter("admin-password", new GenerateParameterDefault { MinLength = 20 }, secret: true, persist: true);

var users = builder.AddProject<Projects.Platform_Users>("users")
    .WithHttpEndpoint()
    .WithReference(usersDb).WaitFor(usersDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithEnvironment("Admin__Username", adminUserName)
    .WithEnvironment("Admin__Email", adminEmail)
    .WithEnvironment("Admin__Password", adminPassword)
    .WithHttpHealthCheck("/health");

var notifications = builder.AddProject<Projects.Platform_Notifications>("notifications")
    .WithHttpEndpoint()
    .WithReference(notificationsDb).WaitFor(notificationsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(users)
    .WithHttpHealthCheck("/health");
WithMailFolder(notifications);

var products = builder.AddProject<Projects.Platform_Products>("products")
    .WithHttpEndpoint()
    .WithReference(productsDb).WaitFor(productsDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(users)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

// Orders waits for the consumers of its events (products, notifications): an event published before its
// consumer's queue exists has nowhere to go.
var orders = builder.AddProject<Projects.Platform_Orders>("orders")
    .WithHttpEndpoint()
    .WithReference(ordersDb).WaitFor(ordersDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(users)
    .WithReference(products).WaitFor(products)
    .WaitFor(notifications)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.Platform_Gateway>("gateway")
    .WithHttpEndpoint(port: 5080)
    .WithReference(users).WaitFor(users)
    .WithReference(products).WaitFor(products)
    .WithReference(orders).WaitFor(orders)
    .WithReference(notifications).WaitFor(notifications)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// The shop's web UI talks to the gateway only.
builder.AddProject<Projects.Platform_Storefront>("storefront")
    .WithHttpEndpoint(port: 5000)
    .WithReference(gateway).WaitFor(gateway)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.LimitOtlpExportsToOneSecond().AnnounceWhenHealthy().Build().Run();

// Without an SMTP server (Email__SmtpHost), mail is written as .eml files to a folder beside the servers' data.
void WithMailFolder(IResourceBuilder<ProjectResource> service)
{
    if (builder.ExecutionContext.IsRunMode)
    {
        var mailFolder = LocalDataFolders.Folder(builder, "mail");
        service.WithEnvironment("Email__PickupDirectory", mailFolder)
            .WithUrl(new Uri(mailFolder + "/").AbsoluteUri, "mail");
    }
}
