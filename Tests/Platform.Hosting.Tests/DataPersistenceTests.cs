using Npgsql;

namespace Platform.Hosting.Tests;

public sealed class DataPersistenceTests
{
    [Fact]
    public async Task A_second_start_on_the_same_data_folder_keeps_what_the_first_wrote()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("platform-dev-data-").FullName;
        try
        {
            await using (var first = await StartPostgresAsync(dataDirectory, cancellation))
            {
                await ExecuteAsync(first, "CREATE TABLE greetings (text text); INSERT INTO greetings VALUES ('kept')", cancellation);
                Assert.Contains(first.ResourceLogs.GetLogs("pg"), line => line.Text.StartsWith("Initialising", StringComparison.Ordinal));
            }

            await using var second = await StartPostgresAsync(dataDirectory, cancellation);

            Assert.Equal("kept", await ExecuteAsync(second, "SELECT text FROM greetings", cancellation));
            Assert.DoesNotContain(second.ResourceLogs.GetLogs("pg"), line => line.Text.StartsWith("Initialising", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<DistributedApplication> StartPostgresAsync(string dataDirectory, CancellationToken cancellation)
    {
        var builder = DistributedApplicationTestingBuilder.Create(configure: options => options.DataDirectory = dataDirectory);
        // A dev run keeps its generated password in user secrets; here the test plays that part.
        builder.Configuration["Parameters:pg-password"] = "kept-between-starts";
        builder.AddPostgres("pg").AddDatabase("appdb");
        var app = await builder.BuildAsync(cancellation);
        await app.StartAsync(cancellation);
        await app.WaitForResourceHealthyAsync("appdb", cancellationToken: cancellation);
        return app;
    }

    private static async Task<object?> ExecuteAsync(DistributedApplication app, string sql, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("appdb", cancellation));
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellation);
    }
}
