using Marten;
using OpenValue.Api.Networks;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks.Members;

public sealed record AdmitMemberRequest(string? Name, string? StakeholderClass, IReadOnlyList<string?>? Roles = null);

public sealed record MemberAdmittedResponse(Guid MemberId, string Token, string InvitationUrl);

public static class AdmitMemberEndpoint
{
    [WolverinePost("/networks/{networkId}/members"), Allow(Role.Steward), Idempotent]
    [EndpointSummary("Admit a member")]
    [EndpointDescription(
        "Admits a person or organisation with roles and a stakeholder class. The new member's token is shown " +
        "once.")]
    [ProducesResponseType<MemberAdmittedResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Admit(
        Guid networkId, AdmitMemberRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var memberId = Guid.CreateVersion7();
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            var command = new AdmitMember(memberId, body.Name, body.Roles, body.StakeholderClass, http.Caller()
                .MemberId);
            var existing = await session.LoadAsync<MemberView>(memberId, http.RequestAborted);
            var admitted = Membership.Decide(command, stream.Aggregate!, existing?.ToMember(), now);
            stream.AppendMany(await new Privacy.PersonalFields(session, http.RequestAborted).Seal(admitted));
            var (token, access) = AccessToken.Issue(networkId, memberId, now);
            session.Store(access);
            var invitationUrl = Accounts.Invitations.Issue(session, http.Request, networkId, memberId, now);
            return Outcome.CreatedWithCredential($"/networks/{networkId}/members/{memberId}",
                new MemberAdmittedResponse(memberId, token, invitationUrl));
        });
}
