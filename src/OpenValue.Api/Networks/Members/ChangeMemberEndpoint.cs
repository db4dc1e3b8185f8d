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

public sealed record ChangeMemberRequest(
    string? Name = null, string? StakeholderClass = null, string? EffectiveOn = null);

public static class ChangeMemberEndpoint
{
    [WolverinePatch("/networks/{networkId}/members/{memberId}")]
    [EndpointSummary("Rename a member or change their stakeholder class")]
    [EndpointDescription(
        "A new name takes effect at once; a steward, or the member themself, renames. A new stakeholder class " +
        "takes effect from 'effectiveOn' (an ISO date, not before the member was admitted, not in the future); " +
        "only a steward changes it. Shares as of a moment weigh each member in the class in force then. A body " +
        "that changes nothing is 400.")]
    [ProducesResponseType<MemberResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static Task<MemberResponse> Change(
        Guid networkId, Guid memberId, ChangeMemberRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var caller = http.Caller();
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            var command = new ChangeMember(memberId, body.Name, body.StakeholderClass, body.EffectiveOn,
                caller.MemberId, caller.Holds(Role.Steward));
            var member = await session.LoadAsync<MemberView>(memberId, http.RequestAborted);
            // The decision compares the new name with the member's own, which the view keeps sealed.
            var name = member is null ? null : (await MemberResponse.Open(session, member, http.RequestAborted)).Name;
            var events = Membership.Decide(command, stream.Aggregate!, member?.ToMember(name), now);
            stream.AppendMany(await new Privacy.PersonalFields(session, http.RequestAborted).Seal(events));
        }, () => MemberResponse.Reloaded(session, memberId, http.RequestAborted));
}
