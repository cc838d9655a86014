using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Users.Accounts;
using Platform.Users.Data;
using Platform.Users.Tokens;

namespace Platform.Users.Endpoints;

public static class LoginEndpoint
{
    public static async Task<Results<Ok<AccessTokenResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext context, UsersDbContext db, Passwords passwords, LoginThrottle throttle,
        AccessTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        if (string.IsNullOrEmpty(request.Email))
        {
            errors.Add("email", "The email is required.");
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "The password is required.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // The client's address, as the gateway forwarded it (see UseForwardedHeaders).
        var clientAddress = context.Connection.RemoteIpAddress?.ToString();
        if (throttle.RetryAfter(request.Email!, clientAddress) is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Problems.TooManyAttempts();
        }

        var normalizedEmail = User.Normalize(request.Email!);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
        if (!passwords.Verify(user, request.Password!))
        {
            throttle.RecordFailure(request.Email!, clientAddress);
            return Problems.InvalidCredentials();
        }
        throttle.RecordSuccess(request.Email!);
        await db.SaveChangesAsync(cancellationToken); // a re-hashed password, if the hasher asked for one
        var token = tokens.Issue(user!);
        return TypedResults.Ok(new AccessTokenResponse(token.Value, token.ExpiresAt));
    }
}
