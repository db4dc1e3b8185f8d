using System.Security.Cryptography;
using NodaTime;

namespace OpenValue.Api.Security;

/// <summary>
/// A member's bearer credential, stored only as the SHA-256 of the token. It is a global (not tenanted)
/// document because a request must learn which network its caller belongs to before it can open that
/// network's session. Credentials are kept out of the event stream on purpose: events are a ledger kept
/// forever and shown to every member, and a token is a secret that may later be rotated.
/// </summary>
/// <param name="PersonalTokenId">Set on a personal API token the member made and named (<see cref="Name"/>), which
/// they list and revoke one by one; null on the member token that admission, founding and reissue hand out.</param>
public sealed record AccessToken(
    string Id, Guid NetworkId, Guid MemberId, Instant IssuedAt, Guid? PersonalTokenId = null, string? Name = null)
{
    private const string Prefix = "ov_";

    /// <summary>A new 256-bit random token and the record that lets it in. The token itself is shown once.</summary>
    public static (string Token, AccessToken Record) Issue(Guid networkId, Guid memberId, Instant now)
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, new AccessToken(Hash(token), networkId, memberId, now));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-')
        .Replace('/', '_');
}
