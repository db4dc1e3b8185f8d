using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Security;

/// <summary>
/// What both credentials share. Only a route that names a network reads a credential (elsewhere the result is
/// none, and costs nothing); an address past its failed authentications is refused before anything is looked
/// up (429, <see cref="FailedAuthentications"/>); then the scheme admits its credential into a principal
/// (<see cref="CallerPrincipal"/>), or fails with a <see cref="CredentialRefused"/>.
/// </summary>
public abstract class NetworkCredentialHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    FailedAuthentications failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected sealed override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (NetworkRoute.Of(Context) is not { } routeNetwork)
            return AuthenticateResult.NoResult();
        using (var lease = failures.Check(Context))
            if (!lease.IsAcquired)
                return AuthenticateResult.Fail(new CredentialRefused(Problems.Create(429,
                    "too-many-failed-authentications",
                    "Too many requests from this address failed authentication; wait before trying again."),
                    AbuseLimits.RetryAfterSeconds(lease)));
        return await Admit(routeNetwork);
    }

    /// <summary>The principal of this request's credential, for a route of <paramref name="routeNetwork"/>.</summary>
    protected abstract Task<AuthenticateResult> Admit(string routeNetwork);

    protected AuthenticateResult Admitted(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));

    /// <summary>The bearer token the request carries, if any.</summary>
    public static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
