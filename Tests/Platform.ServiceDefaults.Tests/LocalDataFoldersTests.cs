using static Platform.Testing.TestDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A run that keeps nothing (a test's, a benchmark's) leaves no folder behind.</summary>
public sealed class LocalDataFoldersTests
{
    [Fact]
    public async Task A_folder_of_a_run_that_keeps_nothing_is_deleted_when_the_application_stops()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        var folder = LocalDataFolders.Folder(builder, "mail");
        await File.WriteAllTextAsync(Path.Combine(folder, "message.eml"), "Subject: kept until the end", cancellation);

        await using (var app = await builder.BuildAsync(cancellation))
        {
            await app.StartAsync(cancellation);
            Assert.True(Directory.Exists(folder));
            await app.StopAsync(cancellation);
        }

        Assert.False(Directory.Exists(folder), $"{folder} is still there.");
    }

    [Fact]
    public async Task The_servers_data_of_a_run_that_keeps_nothing_is_deleted_when_the_application_stops()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        builder.AddPostgres("pg").RunAsLocalProcess();
        builder.AddRedis("cache").RunAsLocalProcess();
        builder.AddRabbitMQ("messaging").RunAsLocalProcess();
        string[] servers = ["pg", "cache", "messaging"];

        List<string> folders;
        await using (var app = await builder.BuildAsync(cancellation))
        {
            await app.StartAsync(cancellation);
            foreach (var server in servers)
            {
                await app.WaitForResourceHealthyAsync(server, cancellationToken: cancellation);
            }
            folders = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ExecutableResource>()
                .Where(process => servers.Any(server => process.Name == $"{server}-server"))
                .Select(process => process.WorkingDirectory).ToList();
            Assert.Equal(servers.Length, folders.Count(Directory.Exists));
        }

        Assert.DoesNotContain(folders, Directory.Exists);
    }
}
