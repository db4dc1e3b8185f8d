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

public static class InvitationEndpoints
{
    /// <summary>What the link is for, so the person sees which network and name they are joining before
    /// choosing.</summary>
    [WolverinePost("/accounts/invitations/preview")]
    [EndpointSummary("See what an invitation is for")]
    [EndpointDescription("The network and member name an invitation link's secret opens, and when it expires. " +
        "Anyone holding the link may ask; an unknown, used or expired link is 404.")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<InvitationPreviewResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Preview(InvitationRequest body, HttpContext http, IDocumentStore store)
    {
        await using var query = store.QuerySession();
        var invitation = await Open(query, body.Token, http.Now(), http.RequestAborted);
        await using var tenant = store.QuerySession(invitation.NetworkId.ToString());
        var network = await tenant.LoadAsync<NetworkView>(invitation.NetworkId, http.RequestAborted);
        var member = await tenant.LoadAsync<MemberView>(invitation.MemberId, http.RequestAborted);
        if (network is null || member is null)
            throw Unknown();
        var name = (await Networks.Members.MemberResponse.Open(tenant, member, http.RequestAborted)).Name;
        return Results.Ok(new InvitationPreviewResponse(network.Id, network.Name, member.Id, name,
            invitation.ExpiresAt));
    }

    [WolverinePost("/accounts/invitations/acceptance")]
    [EndpointSummary("Accept an invitation")]
    [EndpointDescription("Links the membership to an account: the signed-in one, a new one (createAccount) or " +
        "one whose login and password are given; signs the browser in (session and CSRF cookies).")]
    [ProducesProblem(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
        StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<AccountResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Accept(AcceptInvitationRequest body, HttpContext http, IDocumentStore store)
    {
        var now = http.Now();
        await using var session = store.LightweightSession();
        var invitation = await Open(session, body.Token, now, http.RequestAborted);
        var accepting = await Acceptance.Account(http, session, body, now);
        if (accepting.Account is not { } account)
            return Results.Problem(accepting.Refusal!);
        await Acceptance.MoveMembership(session, accepting, invitation, now, http.RequestAborted);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Ok(await AccountResponses.Of(account, store, http.RequestAborted));
    }

    /// <summary>For a member who lost access: earlier links stop working; accepting this one moves the
    /// membership.</summary>
    [WolverinePost("/networks/{networkId}/members/{memberId}/invitation"), Allow(Role.Steward)]
    [EndpointSummary("Issue a fresh invitation")]
    [EndpointDescription("A new one-time link for a member who lost access; their earlier links stop working. " +
        "Recorded on the network (member-invitation-issued) and counted by four eyes.")]
    [ProducesResponseType<InvitationIssuedResponse>(StatusCodes.Status200OK)]
    public static Task<InvitationIssuedResponse> Reissue(Guid networkId, Guid memberId, HttpContext http,
        IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            if (await session.LoadAsync<MemberView>(memberId, http.RequestAborted) is not { } member)
                throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");
            if (member.DepartedOn is not null)
                throw Membership.Departed(member.ToMember());
            var url = Invitations.Issue(session, http.Request, networkId, memberId, now);
            // Whoever opens the link takes over the membership: on the network stream for four eyes and the feed.
            session.Events.Append(networkId,
                new MemberInvitationIssued(networkId, memberId, http.Caller().MemberId, now));
            return new InvitationIssuedResponse(memberId, url, now + Invitation.ValidFor);
        });

    private static async Task<Invitation> Open(IQuerySession query, string? token, Instant now,
        CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            throw Unknown();
        var invitation = await query.LoadAsync<Invitation>(Secrets.Hash(token.Trim()), cancellation);
        return invitation is not null && invitation.IsOpen(now) ? invitation : throw Unknown();
    }

    private static RuleViolation Unknown() => new(RefusalKind.NotFound, "invitation-not-found",
        "This invitation link is unknown, already used or expired. Ask a steward of the network for a fresh one.",
            "token");
}
