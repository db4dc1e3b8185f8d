using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Contributions;

/// <summary>A steward revokes an acceptance found to be wrong.</summary>
public static class RevokeAcceptanceEndpoint
{
    [WolverinePost("/networks/{networkId}/contributions/{contributionId}/revocation"), Allow(Role.Steward)]
    [EndpointSummary("Revoke a contribution's acceptance")]
    [EndpointDescription(
        "A steward revokes the acceptance of a contribution found to be wrong, with a reason. Its points leave " +
        "the shares from this moment; shares as of earlier moments and distributions already proposed are " +
        "unchanged. Revoking what is not accepted, or twice, is 409.")]
    [ProducesResponseType<ContributionResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public static Task<ContributionResponse> Revoke(
        Guid contributionId, CorrectionRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var stream = await ContributionStreams.FetchExisting(session, contributionId, http.RequestAborted);
            var command = new RevokeAcceptance(contributionId, body.Reason, http.Caller().MemberId);
            stream.AppendMany(await new Privacy.PersonalFields(session, http.RequestAborted)
                .Seal(Correcting.Decide(command, stream.Aggregate!, now)));
        }, () => ContributionResponse.Load(session, contributionId, http.RequestAborted));
}
