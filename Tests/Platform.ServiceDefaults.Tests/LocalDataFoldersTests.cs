using static Platform.Testing.TestDefaults;

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
}
