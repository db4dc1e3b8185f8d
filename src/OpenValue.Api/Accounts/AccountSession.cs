using Marten;
using NodaTime;

namespace OpenValue.Api.Accounts;

/// <summary>
/// A signed-in browser. Its id is the SHA-256 of the HttpOnly session cookie; <see cref="CsrfHash"/> is that of
/// the readable CSRF cookie, which the web app echoes in <see cref="Cookies.CsrfHeader"/> on unsafe requests:
/// another site can make the browser send the cookies but cannot read one to copy it into a header.
/// </summary>
public sealed record AccountSession(string Id, Guid AccountId, string CsrfHash, Instant IssuedAt, Instant ExpiresAt)
{
    public static readonly Duration ValidFor = Duration.FromDays(7);
}

public static class Cookies
{
    public const string Session = "ov_session";
    public const string Csrf = "ov_csrf";
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>Starts a session for the account: stored in <paramref name="session"/>, cookies on the
    /// response.</summary>
    public static void SignIn(HttpContext http, IDocumentSession session, Account account, Instant now)
    {
        var (secret, csrf) = (Secrets.New(), Secrets.New());
        var record = new AccountSession(Secrets.Hash(secret), account.Id, Secrets.Hash(csrf), now,
            now + AccountSession.ValidFor);
        session.Store(record);
        var expires = record.ExpiresAt.ToDateTimeOffset();
        http.Response.Cookies.Append(Session, secret, Options(http, httpOnly: true, expires));
        http.Response.Cookies.Append(Csrf, csrf, Options(http, httpOnly: false, expires));
    }

    public static void SignOut(HttpContext http)
    {
        http.Response.Cookies.Delete(Session, Options(http, httpOnly: true, null));
        http.Response.Cookies.Delete(Csrf, Options(http, httpOnly: false, null));
    }

    /// <summary>SameSite=Strict: no other site's page or link makes the browser send them.</summary>
    private static CookieOptions Options(HttpContext http, bool httpOnly, DateTimeOffset? expires) => new()
    {
        HttpOnly = httpOnly,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };

    /// <summary>Whether the request echoes the session's CSRF secret; a safe method needs none.</summary>
    public static bool CsrfHolds(HttpContext http, AccountSession session) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ||
            HttpMethods.IsOptions(http.Request.Method)
        || http.Request.Headers[CsrfHeader].ToString() is { Length: > 0 } echoed
           && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
               System.Text.Encoding.ASCII.GetBytes(Secrets.Hash(echoed)),
                   System.Text.Encoding.ASCII.GetBytes(session.CsrfHash));
}
