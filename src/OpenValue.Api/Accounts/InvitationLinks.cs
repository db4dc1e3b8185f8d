using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Accounts;

public sealed record InvitationRequest(string? Token);

public sealed record InvitationPreviewResponse(Guid NetworkId, string NetworkName, Guid MemberId, string MemberName,
    Instant ExpiresAt);

/// <summary>Accept as the signed-in account (no login), or with a login and password: a new account or one's
/// own.</summary>
public sealed record AcceptInvitationRequest(
    string? Token, string? Login = null, string? Password = null, bool CreateAccount = false);

public sealed record InvitationIssuedResponse(Guid MemberId, string InvitationUrl, Instant ExpiresAt);

/// <summary>What the invitation routes share: opening the invitation a link names.</summary>
public static class InvitationLinks
{
    /// <summary>
    /// The open invitation a link's token names; 404 invitation-not-found naming the token otherwise.
    /// </summary>
    public static async Task<Invitation> Open(IQuerySession query, string? token, Instant now,
        CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            throw Unknown();
        var invitation = await query.LoadAsync<Invitation>(Secrets.Hash(token.Trim()), cancellation);
        return invitation is not null && invitation.IsOpen(now) ? invitation : throw Unknown();
    }

    public static RuleViolation Unknown() => new(RefusalKind.NotFound, "invitation-not-found",
        "This invitation link is unknown, already used or expired. Ask a steward of the network for a fresh one.",
            "token");
}
