using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Contributions;

/// <summary>A member appeals a rejection (the author) or an acceptance (anyone).</summary>
public static class AppealDecisionEndpoint
{
    [WolverinePost("/networks/{networkId}/contributions/{contributionId}/appeal")]
    [EndpointSummary("Appeal a contribution's rejection or acceptance")]
    [EndpointDescription(
        "The author appeals a rejection, with a reason: the claim goes back to review for a new round. Any " +
        "member appeals an acceptance: it is flagged revocationRequested for the stewards, who revoke it or " +
        "leave it standing. Appealing anything else is 409; another's rejection, 403.")]
    [ProducesResponseType<ContributionResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static Task<ContributionResponse> Appeal(
        Guid contributionId, CorrectionRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var stream = await ContributionStreams.FetchExisting(session, contributionId, http.RequestAborted);
            var command = new AppealDecision(contributionId, body.Reason, http.Caller().MemberId);
            stream.AppendMany(await new Privacy.PersonalFields(session, http.RequestAborted)
                .Seal(Correcting.Decide(command, stream.Aggregate!, now)));
        }, () => ContributionResponse.Load(session, contributionId, http.RequestAborted));
}
