using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.EventBus;
using Platform.ServiceDefaults.Authentication;
using Platform.Users.Accounts;

namespace Platform.Users.Data;

/// <summary>Applies the migrations and creates the admin account from configuration section <c>Admin</c>.</summary>
public static class UsersDatabase
{
    public static async Task InitializeUsersDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.MigrateDbContextAsync<UsersDbContext>(cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        await SeedAdminAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<UsersDbContext>(), cancellationToken);
    }

    private static async Task SeedAdminAsync(IServiceProvider services, UsersDbContext db, CancellationToken cancellationToken)
    {
        var admin = services.GetRequiredService<IConfiguration>().GetSection("Admin");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UsersDatabase));
        if (admin["Username"] is not { Length: > 0 } username || admin["Email"] is not { Length: > 0 } email || admin["Password"] is not { Length: > 0 } password)
        {
            logger.LogInformation("No admin account configured (Admin:Username, Admin:Email, Admin:Password).");
            return;
        }

        var user = User.Create(username, email, PlatformJwt.AdminRole);
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == user.NormalizedUsername || u.NormalizedEmail == user.NormalizedEmail, cancellationToken))
        {
            return;
        }
        user.PasswordHash = services.GetRequiredService<Passwords>().Hash(user, password);
        db.Users.Add(user);
        await services.GetRequiredService<IEventBus>().PublishAsync(new UserRegistered(user.Id, user.Username, user.Email), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created the admin account {Username}.", username);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Field(exception) is not null)
        {
            // Another replica starting at the same time created it first.
            logger.LogInformation("The admin account {Username} was created by another instance.", username);
        }
    }
}
