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

public sealed record ChangeRolesRequest(IReadOnlyList<string?>? Grant = null, IReadOnlyList<string?>? Revoke = null);

public static class ChangeRolesEndpoint
{
    [WolverinePost("/networks/{networkId}/members/{memberId}/roles"), Allow(Role.Steward)]
    [EndpointSummary("Grant or revoke roles")]
    [EndpointDescription(
        "Granting a role already held or revoking one not held changes nothing. A network keeps at least one " +
        "steward: revoking the last is 409 last-steward.")]
    public static Task<MemberResponse> ChangeRoles(
        Guid networkId, Guid memberId, ChangeRolesRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            var command = new ChangeRoles(memberId, body.Grant, body.Revoke, http.Caller().MemberId);
            // The member document is read after the stream's version: a concurrent change to the network appends
            // to the same stream, so one of two racing decisions fails its version check (409) and none is lost.
            var member = await session.LoadAsync<MemberView>(memberId, http.RequestAborted);
            stream.AppendMany(Membership.Decide(command, stream.Aggregate!, member?.ToMember(), now));
        }, () => MemberResponse.Reloaded(session, memberId, http.RequestAborted));
}
