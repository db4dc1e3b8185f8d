using Marten;
using NodaTime;

namespace OpenValue.Api.Accounts;

/// <summary>
/// A one-time link that lets a person sign in as a member: its id is the SHA-256 of the secret in the link,
/// so the database never holds a usable link. Kept after use (with <see cref="UsedAt"/>) so that optimistic
/// concurrency lets only one of two racing acceptances through.
/// </summary>
public sealed class Invitation
{
    public static readonly Duration ValidFor = Duration.FromDays(7);

    public string Id { get; set; } = "";
    public Guid NetworkId { get; set; }
    public Guid MemberId { get; set; }
    public Instant IssuedAt { get; set; }
    public Instant ExpiresAt { get; set; }
    public Instant? UsedAt { get; set; }

    public bool IsOpen(Instant now) => UsedAt is null && ExpiresAt > now;
}

public static class Invitations
{
    /// <summary>
    /// A fresh invitation for the member, stored in <paramref name="session"/> (saved with the caller's changes);
    /// earlier unused ones stop working. The secret travels in the link's fragment, which browsers never send
    /// to a server, so it stays out of access logs and Referer headers. The link starts with the app's public
    /// address (<see cref="Infrastructure.PublicAddress"/>), never with what a client's headers claim it is.
    /// </summary>
    public static string Issue(IDocumentSession session, HttpRequest request, Guid networkId, Guid memberId,
        Instant now) =>
        Issue(session, request.HttpContext.RequestServices.GetRequiredService<Infrastructure.PublicAddress>()
            .Of(request), networkId, memberId, now);

    /// <summary>
    /// As above, for a link to the app at <paramref name="baseUrl"/> (the command line has no request).
    /// </summary>
    public static string Issue(IDocumentSession session, string baseUrl, Guid networkId, Guid memberId, Instant now)
    {
        session.DeleteWhere<Invitation>(i => i.NetworkId == networkId && i.MemberId == memberId && i.UsedAt == null);
        var secret = Secrets.New();
        session.Store(new Invitation
        {
            Id = Secrets.Hash(secret), NetworkId = networkId, MemberId = memberId, IssuedAt = now,
                ExpiresAt = now + Invitation.ValidFor,
        });
        return $"{baseUrl.TrimEnd('/')}/app/invitation#{secret}";
    }
}
