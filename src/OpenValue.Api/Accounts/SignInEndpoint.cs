using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using Wolverine.Http;

namespace OpenValue.Api.Accounts;

public sealed record SignInRequest(string? Login, string? Password);

public static class SignInEndpoint
{
    [WolverinePost("/accounts/sign-in")]
    [EndpointSummary("Sign in")]
    [EndpointDescription("Checks the login and password and starts a cookie session (HttpOnly session cookie, " +
        "readable CSRF cookie to echo in X-CSRF-Token). Five wrong passwords lock the account for a while.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<AccountResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> SignIn(
        SignInRequest body, HttpContext http, IDocumentStore store, FailedAuthentications failures)
    {
        // Per client address as well as per account: guessing across many logins is refused too.
        using (var lease = failures.Check(http))
            if (!lease.IsAcquired)
                return new AbuseLimits.Refusal(lease, "too-many-failed-authentications",
                    "Too many sign-ins from this address failed; wait before trying again.");
        var login = Account.NormalLogin(body.Login);
        if (string.IsNullOrEmpty(body.Password))
            return Results.Problem(Problems.Invalid("password", "Enter your password."));
        await using var session = store.LightweightSession();
        var account = await session.Query<Account>().SingleOrDefaultAsync(a => a.Login == login, http.RequestAborted);
        var now = http.Now();
        var refusal = Passwords.Check(account, body.Password, now);
        if (account is not null)
            session.Store(account);
        if (refusal is null)
            Cookies.SignIn(http, session, account!, now);
        await session.SaveChangesAsync(http.RequestAborted);
        if (refusal?.Status == StatusCodes.Status401Unauthorized)
            failures.Count(http);
        return refusal is null
            ? Results.Ok(await AccountResponses.Of(account!, store, http.RequestAborted))
            : Results.Problem(refusal);
    }
}
