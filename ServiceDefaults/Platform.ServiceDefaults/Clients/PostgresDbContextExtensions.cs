using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class PostgresDbContextExtensions
{
    /// <summary>Statements Npgsql keeps prepared per connection, unless the connection string names a number.</summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>
    /// Aspire's <c>AddNpgsqlDbContext</c>, with Npgsql's automatic preparation on: a statement run a few times on
    /// a connection is prepared there, so PostgreSQL stops parsing and planning EF Core's repeated statements.
    /// A <c>Max Auto Prepare</c> above 0 in the connection string is kept as given.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(connectionName, settings =>
        {
            if (settings.ConnectionString is { } connectionString)
            {
                var options = new NpgsqlConnectionStringBuilder(connectionString);
                if (options.MaxAutoPrepare == 0)
                {
                    options.MaxAutoPrepare = MaxAutoPrepare;
                    settings.ConnectionString = options.ConnectionString;
                }
            }
        });
        return builder;
    }
}
