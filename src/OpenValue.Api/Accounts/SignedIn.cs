using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Accounts;

/// <summary>The account behind the request's session cookie, or why there is none to use.</summary>
public sealed record SignedIn(AccountSession Session, Account Account);

public static class CookieSessions
{
    /// <summary>The live session of this request, or null when it has no session cookie or an ended one.</summary>
    public static async Task<SignedIn?> Current(HttpContext http, IQuerySession query)
    {
        if (http.Request.Cookies[Cookies.Session] is not { Length: > 0 } secret)
            return null;
        var session = await query.LoadAsync<AccountSession>(Secrets.Hash(secret), http.RequestAborted);
        var now = http.Now();
        if (session is null || session.ExpiresAt <= now)
            return null;
        var account = await query.LoadAsync<Account>(session.AccountId, http.RequestAborted);
        return account is null ? null : new SignedIn(session, account);
    }

    public static ProblemDetails CsrfRefused() => Problems.Create(403, "csrf-token-invalid",
        $"A signed-in browser must send the {Cookies.CsrfHeader} header with the value of the {Cookies.Csrf} cookie.");
}
