using System.Diagnostics;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Platform.EndToEnd.Tests;

/// <summary>The AppHost's publish manifest, which azd deploys from: valid for Aspire's schema, with the system in it.</summary>
public sealed class ManifestTests
{
    private static readonly string[] Services = ["users", "products", "orders", "notifications", "gateway", "storefront"];

    [Fact]
    public async Task The_manifest_is_valid_and_holds_the_servers_as_containers_and_the_services_as_projects()
    {
        var manifest = await PublishAsync(TestContext.Current.CancellationToken);

        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schema", "aspire-8.0.json"));
        // One resource at a time, so a failure names the entry the schema refuses.
        var refused = manifest["resources"]!.AsObject()
            .Where(entry => !schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(new JsonObject { ["resources"] = new JsonObject { [entry.Key] = entry.Value!.DeepClone() } })).IsValid)
            .Select(entry => $"{entry.Key}: {entry.Value!.ToJsonString()}");
        Assert.Empty(refused);

        var resources = manifest["resources"]!.AsObject();
        Assert.Equal(("container.v0", "postgres"), Container(resources, "pg"));
        Assert.Equal(("container.v0", "redis"), Container(resources, "cache"));
        Assert.Equal(("container.v0", "rabbitmq"), Container(resources, "messaging"));
        foreach (var database in new[] { "usersdb", "productsdb", "ordersdb", "notificationsdb" })
        {
            Assert.Equal($"{{pg.connectionString}};Database={database}", (string?)resources[database]!["connectionString"]);
        }
        foreach (var service in Services)
        {
            Assert.Equal("project.v0", (string?)resources[service]!["type"]);
            Assert.True(File.Exists(Path.Combine(Output, (string)resources[service]!["path"]!)), $"{service}'s project path resolves");
        }

        // WithReference: connection strings and service-discovery entries that resolve to other entries.
        Assert.Equal("{usersdb.connectionString}", Env(resources, "users", "ConnectionStrings__usersdb"));
        Assert.Equal("{messaging.connectionString}", Env(resources, "orders", "ConnectionStrings__messaging"));
        Assert.Equal("{cache.connectionString}", Env(resources, "products", "ConnectionStrings__cache"));
        Assert.Equal("{products.bindings.http.url}", Env(resources, "orders", "services__products__http__0"));
        foreach (var upstream in new[] { "users", "products", "orders", "notifications" })
        {
            Assert.Equal($"{{{upstream}.bindings.http.url}}", Env(resources, "gateway", $"services__{upstream}__http__0"));
        }
        Assert.Equal("{gateway.bindings.http.url}", Env(resources, "storefront", "services__gateway__http__0"));
        Assert.True((bool?)resources["gateway"]!["bindings"]!["http"]!["external"]);
        Assert.True((bool?)resources["storefront"]!["bindings"]!["http"]!["external"]);

        // Secrets are parameters a deployment asks for, never values in the file.
        Assert.True((bool?)resources["admin-password"]!["inputs"]!["value"]!["secret"]);
        Assert.True((bool?)resources["jwt-signing-key"]!["inputs"]!["value"]!["secret"]);
    }

    private static string Output { get; } = Directory.CreateTempSubdirectory("platform-manifest-").FullName;

    /// <summary>Runs the README's publish command against the AppHost built beside the tests.</summary>
    private static async Task<JsonNode> PublishAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Output, "aspire-manifest.json");
        using var publish = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Platform.AppHost.dll"), "--publisher", "manifest", "--output-path", path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = publish.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await publish.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        }
        finally
        {
            if (!publish.HasExited)
            {
                publish.Kill(entireProcessTree: true);
            }
        }
        Assert.True(publish.ExitCode == 0, $"publish exited with {publish.ExitCode}: {await output}{await errors}");
        return JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken))!;
    }

    private static (string? Type, string Image) Container(JsonObject resources, string name) =>
        ((string?)resources[name]!["type"], ((string)resources[name]!["image"]!).Split('/')[^1].Split(':')[0]);

    private static string? Env(JsonObject resources, string service, string variable) => (string?)resources[service]!["env"]![variable];
}
