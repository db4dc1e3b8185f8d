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

public static class GetMemberEndpoint
{
    [WolverineGet("/networks/{networkId}/members/{memberId}")]
    [EndpointSummary("Get a member")]
    [EndpointDescription("Name, roles, stakeholder class and when they were admitted.")]
    public static async Task<MemberResponse> Get(Guid memberId, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<MemberView>(memberId, http.RequestAborted) is { } view
            ? await MemberResponse.Open(session, view, http.RequestAborted)
            : throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");
}
