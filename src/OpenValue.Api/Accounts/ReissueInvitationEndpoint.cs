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

public static class ReissueInvitationEndpoint
{
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
}
