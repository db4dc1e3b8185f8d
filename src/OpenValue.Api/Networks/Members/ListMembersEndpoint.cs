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

public sealed record MembersResponse(IReadOnlyList<MemberResponse> Members);

public static class ListMembersEndpoint
{
    [WolverineGet("/networks/{networkId}/members")]
    [EndpointSummary("List the members")]
    [EndpointDescription("Every member with roles and stakeholder class, in order of admission.")]
    public static async Task<MembersResponse> List(IQuerySession session, HttpContext http)
    {
        var members = await session.Query<MemberView>().OrderBy(m => m.AdmittedAt).ThenBy(m => m.Id)
            .ToListAsync(http.RequestAborted);
        var names = await Privacy.Unsealed.For(session, members.Select(m => m.Name), http.RequestAborted);
        return new MembersResponse([.. members.Select(m => MemberResponse.From(m, names))]);
    }
}
