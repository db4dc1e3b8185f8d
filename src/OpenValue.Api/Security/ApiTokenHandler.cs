using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OpenValue.Api.Security;

/// <summary>
/// The bearer scheme: <c>Authorization: Bearer ov_…</c> → SHA-256 → <see cref="AccessToken"/> and its member's
/// view (<see cref="AccessTokenLookup"/>, one round trip). An unknown token, or none, is 401.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    FailedAuthentications failures, AccessTokenLookup tokens)
    : NetworkCredentialHandler(options, logger, encoder, failures)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> Admit(string routeNetwork)
    {
        if (BearerToken(Context) is not { } token)
            return AuthenticateResult.NoResult();
        var (access, member) = await tokens.Find(AccessToken.Hash(token), Context.RequestAborted);
        if (access is null)
            return AuthenticateResult.Fail(new CredentialRefused(
                CallerRefusals.Unauthenticated("The bearer token is not known.")));
        Claim[] credential = access.PersonalTokenId is { } id
            ? [new(CallerPrincipal.PersonalTokenClaim, id.ToString())]
            : [];
        return Admitted(CallerPrincipal.For(SchemeName, access.NetworkId, member, credential));
    }
}
