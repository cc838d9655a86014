using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.EventBus;
using Platform.ServiceDefaults.Authentication;
using Platform.Users.Accounts;
using Platform.Users.Data;

namespace Platform.Users.Endpoints;

public static class UserEndpoints
{
    /// <summary>Bodies are a few short strings; anything larger is refused before it is read (413).</summary>
    private const long MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users")
            .WithTags("Users")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));

        users.MapPost("/", Register);
        users.MapPost("/login", LoginEndpoint.Login);
        users.MapGet("/me", GetMe).RequireAuthorization();
        users.MapGet("/{id:guid}", Get).RequireAuthorization();
        users.MapPut("/{id:guid}", Update).RequireAuthorization();
        users.MapDelete("/{id:guid}", Delete).RequireAuthorization();
        return app;
    }

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterUserRequest request, UsersDbContext db, IEventBus events, Passwords passwords, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        AccountValidation.Username(errors, request.Username);
        AccountValidation.Email(errors, request.Email);
        AccountValidation.Password(errors, request.Password, request.Username);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var user = User.Create(request.Username!, request.Email!, PlatformJwt.CustomerRole);
        if (await TakenFieldsAsync(db, user, cancellationToken) is { Count: > 0 } taken)
        {
            return Problems.Taken(taken);
        }
        user.PasswordHash = passwords.Hash(user, request.Password!);
        db.Users.Add(user);
        await events.PublishAsync(new UserRegistered(user.Id, user.Username, user.Email), cancellationToken);
        if (await TrySaveAsync(db, cancellationToken) is { } raced)
        {
            return Problems.Taken(raced);
        }
        return TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user));
    }

    public static async Task<Results<Ok<UserResponse>, NotFound>> GetMe(ClaimsPrincipal principal, UsersDbContext db, CancellationToken cancellationToken) =>
        await Get(Caller.From(principal).Id, principal, db, cancellationToken);

    public static async Task<Results<Ok<UserResponse>, NotFound>> Get(Guid id, ClaimsPrincipal principal, UsersDbContext db, CancellationToken cancellationToken) =>
        await FindAccessibleAsync(id, principal, db, cancellationToken) is { } user
            ? TypedResults.Ok(UserResponse.From(user))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateUserRequest request, ClaimsPrincipal principal, UsersDbContext db, IEventBus events, Passwords passwords, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        AccountValidation.Username(errors, request.Username);
        AccountValidation.Email(errors, request.Email);
        if (request.Password is not null)
        {
            AccountValidation.Password(errors, request.Password, request.Username);
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (await FindAccessibleAsync(id, principal, db, cancellationToken) is not { } user)
        {
            return TypedResults.NotFound();
        }
        // An admin may reset another user's password; anyone changing their own proves they know it.
        if (request.Password is not null && user.Id == Caller.From(principal).Id && !passwords.Verify(user, request.CurrentPassword ?? ""))
        {
            errors.Add("currentPassword", "The current password is wrong.");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        user.SetUsername(request.Username!);
        user.SetEmail(request.Email!);
        if (await TakenFieldsAsync(db, user, cancellationToken) is { Count: > 0 } taken)
        {
            return Problems.Taken(taken);
        }
        if (request.Password is not null)
        {
            user.PasswordHash = passwords.Hash(user, request.Password);
        }
        if (db.Entry(user).Property(u => u.Email).IsModified || db.Entry(user).Property(u => u.Username).IsModified)
        {
            await events.PublishAsync(new UserUpdated(user.Id, user.Username, user.Email), cancellationToken);
        }
        if (await TrySaveAsync(db, cancellationToken) is { } raced)
        {
            return Problems.Taken(raced);
        }
        return TypedResults.Ok(UserResponse.From(user));
    }

    public static async Task<Results<NoContent, NotFound>> Delete(
        Guid id, ClaimsPrincipal principal, UsersDbContext db, IEventBus events, CancellationToken cancellationToken)
    {
        if (await FindAccessibleAsync(id, principal, db, cancellationToken) is not { } user)
        {
            return TypedResults.NotFound();
        }
        db.Users.Remove(user);
        await events.PublishAsync(new UserDeleted(user.Id), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The account, if the caller may see it; another customer's account looks as if it did not exist.</summary>
    private static async Task<User?> FindAccessibleAsync(Guid id, ClaimsPrincipal principal, UsersDbContext db, CancellationToken cancellationToken) =>
        Caller.From(principal).MayAccess(id) ? await db.Users.FindAsync([id], cancellationToken) : null;

    /// <summary>Which of the user's username and email another account already has (case-insensitively).</summary>
    private static async Task<List<string>> TakenFieldsAsync(UsersDbContext db, User user, CancellationToken cancellationToken)
    {
        var others = await db.Users
            .Where(u => u.Id != user.Id && (u.NormalizedUsername == user.NormalizedUsername || u.NormalizedEmail == user.NormalizedEmail))
            .Select(u => new { u.NormalizedUsername, u.NormalizedEmail })
            .ToListAsync(cancellationToken);
        var taken = new List<string>();
        if (others.Any(u => u.NormalizedUsername == user.NormalizedUsername))
        {
            taken.Add("username");
        }
        if (others.Any(u => u.NormalizedEmail == user.NormalizedEmail))
        {
            taken.Add("email");
        }
        return taken;
    }

    /// <summary>Saves; when a concurrent request took the name in between, answers the field its unique index guards.</summary>
    private static async Task<string?> TrySaveAsync(UsersDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Field(exception) is not null)
        {
            return UniqueViolation.Field(exception);
        }
    }
}
