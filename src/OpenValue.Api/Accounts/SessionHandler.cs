using System.Security.Claims;
using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;

namespace OpenValue.Api.Accounts;

/// <summary>
/// The cookie scheme: the <see cref="Cookies.Session"/> cookie → its live <see cref="AccountSession"/> and account
/// (<see cref="CookieSessions.Current"/>) → the account's membership in the route's network and that member's
/// view. An unsafe request must echo the CSRF cookie, else 403 csrf-token-invalid; no live session is 401. An
/// account with no membership in the route's network signs in as nobody there, which the tenancy requirement
/// refuses exactly as another network's token (404).
/// </summary>
public sealed class SessionHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    FailedAuthentications failures, IDocumentStore store)
    : NetworkCredentialHandler(options, logger, encoder, failures)
{
    public const string SchemeName = "Session";

    protected override async Task<AuthenticateResult> Admit(string routeNetwork)
    {
        await using var query = store.QuerySession();
        if (await CookieSessions.Current(Context, query) is not { } signedIn)
            return AuthenticateResult.NoResult();
        if (!Cookies.CsrfHolds(Context, signedIn.Session))
            return AuthenticateResult.Fail(new CredentialRefused(CookieSessions.CsrfRefused()));
        var account = new Claim(CallerPrincipal.AccountClaim, signedIn.Account.Id.ToString());
        var membership = Guid.TryParse(routeNetwork, out var networkId)
            ? signedIn.Account.Memberships.FirstOrDefault(m => m.NetworkId == networkId)
            : null;
        if (membership is null)
            return Admitted(CallerPrincipal.For(SchemeName, null, null, account));
        await using var tenant = store.QuerySession(networkId.ToString());
        var member = await tenant.LoadAsync<MemberView>(membership.MemberId, Context.RequestAborted);
        return Admitted(CallerPrincipal.For(SchemeName, networkId, member, account));
    }
}
