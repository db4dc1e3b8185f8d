using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks.Members;

namespace OpenValue.Api.Accounts;

/// <summary>The account behind the request's session cookie, or why there is none to use.</summary>
public sealed record SignedIn(AccountSession Session, Account Account);

/// <summary>A cookie session's answer for a network route: a refusal, or the member it signs in as (if any).</summary>
public sealed record CookieAdmission(ProblemDetails? Refusal, Guid NetworkId, MemberView? Member);

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

    /// <summary>
    /// What the caller guard uses when a request has no bearer token. Null: no live session (401). Otherwise the
    /// member the account holds in the route's network, or <see cref="Guid.Empty"/> when it holds none there, so
    /// the guard refuses it exactly as it refuses another network's token (404).
    /// </summary>
    public static async Task<CookieAdmission?> Admit(HttpContext http, IDocumentStore store, string routeNetwork)
    {
        await using var query = store.QuerySession();
        if (await Current(http, query) is not { } signedIn)
            return null;
        if (!Cookies.CsrfHolds(http, signedIn.Session))
            return new CookieAdmission(CsrfRefused(), Guid.Empty, null);
        var membership = Guid.TryParse(routeNetwork, out var networkId)
            ? signedIn.Account.Memberships.FirstOrDefault(m => m.NetworkId == networkId)
            : null;
        if (membership is null)
            return new CookieAdmission(null, Guid.Empty, null);
        await using var tenant = store.QuerySession(networkId.ToString());
        return new CookieAdmission(null, networkId, await tenant.LoadAsync<MemberView>(membership.MemberId,
            http.RequestAborted));
    }
}
