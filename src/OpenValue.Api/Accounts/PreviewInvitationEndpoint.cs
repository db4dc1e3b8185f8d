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

public static class PreviewInvitationEndpoint
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
        var invitation = await InvitationLinks.Open(query, body.Token, http.Now(), http.RequestAborted);
        await using var tenant = store.QuerySession(invitation.NetworkId.ToString());
        var network = await tenant.LoadAsync<NetworkView>(invitation.NetworkId, http.RequestAborted);
        var member = await tenant.LoadAsync<MemberView>(invitation.MemberId, http.RequestAborted);
        if (network is null || member is null)
            throw InvitationLinks.Unknown();
        var name = (await Networks.Members.MemberResponse.Open(tenant, member, http.RequestAborted)).Name;
        return Results.Ok(new InvitationPreviewResponse(network.Id, network.Name, member.Id, name,
            invitation.ExpiresAt));
    }
}
