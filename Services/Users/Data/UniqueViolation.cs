using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Users.Data;

/// <summary>Recognises a unique index violation on the users table, the last word when two requests race for a name.</summary>
public static class UniqueViolation
{
    /// <summary>The JSON field whose unique index <paramref name="exception"/> violated, or null for any other failure.</summary>
    public static string? Field(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
            ? postgres.ConstraintName switch
            {
                UsersDbContext.UsernameIndex => "username",
                UsersDbContext.EmailIndex => "email",
                _ => null,
            }
            : null;
}
