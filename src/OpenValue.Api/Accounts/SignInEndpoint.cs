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
        // A refusal is saved too: the failed attempt counts towards the account's lockout.
        await using var session = store.LightweightSession();
        return await Write.Run(http, session, async now =>
        {
            var account = await session.Query<Account>().SingleOrDefaultAsync(a => a.Login == login,
                http.RequestAborted);
            var refusal = Passwords.Check(account, body.Password, now);
            if (account is not null)
                session.Store(account);
            if (refusal is null)
                Cookies.SignIn(http, session, account!, now);
            return (account, refusal);
        }, async checkedIn =>
        {
            if (checkedIn.refusal?.Status == StatusCodes.Status401Unauthorized)
                failures.Count(http);
            return checkedIn.refusal is null
                ? Results.Ok(await AccountResponses.Of(checkedIn.account!, store, http.RequestAborted))
                : Results.Problem(checkedIn.refusal);
        });
    }
}
