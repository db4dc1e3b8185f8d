using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Contributions;

public sealed record CorrectionRequest(string? Reason);

/// <summary>Revoking an acceptance and appealing a decision: compensating events on the contribution's
/// stream.</summary>
public static class CorrectionEndpoints
{
    [WolverinePost("/networks/{networkId}/contributions/{contributionId}/revocation"), Allow(Role.Steward)]
    [EndpointSummary("Revoke a contribution's acceptance")]
    [EndpointDescription(
        "A steward revokes the acceptance of a contribution found to be wrong, with a reason. Its points leave " +
        "the shares from this moment; shares as of earlier moments and distributions already proposed are " +
        "unchanged. Revoking what is not accepted, or twice, is 409.")]
    [ProducesResponseType<ContributionResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public static async Task<ContributionResponse> Revoke(
        Guid contributionId, CorrectionRequest body, HttpContext http, IDocumentSession session, IClock clock)
    {
        var stream = await ContributionStreams.FetchExisting(session, contributionId, http.RequestAborted);
        var command = new RevokeAcceptance(contributionId, body.Reason, http.Caller().MemberId);
        stream.AppendMany(await new Privacy.PersonalFields(session, http.RequestAborted)
            .Seal(Correcting.Decide(command, stream.Aggregate!, clock.GetCurrentInstant())));
        await session.SaveChangesAsync(http.RequestAborted);
        return await ContributionResponse.Load(session, contributionId, http.RequestAborted);
    }

    [WolverinePost("/networks/{networkId}/contributions/{contributionId}/appeal")]
    [EndpointSummary("Appeal a contribution's rejection or acceptance")]
    [EndpointDescription(
        "The author appeals a rejection, with a reason: the claim goes back to review for a new round. Any " +
        "member appeals an acceptance: it is flagged revocationRequested for the stewards, who revoke it or " +
        "leave it standing. Appealing anything else is 409; another's rejection, 403.")]
    [ProducesResponseType<ContributionResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static async Task<ContributionResponse> Appeal(
        Guid contributionId, CorrectionRequest body, HttpContext http, IDocumentSession session, IClock clock)
    {
        var stream = await ContributionStreams.FetchExisting(session, contributionId, http.RequestAborted);
        var command = new AppealDecision(contributionId, body.Reason, http.Caller().MemberId);
        stream.AppendMany(await new Privacy.PersonalFields(session, http.RequestAborted)
            .Seal(Correcting.Decide(command, stream.Aggregate!, clock.GetCurrentInstant())));
        await session.SaveChangesAsync(http.RequestAborted);
        return await ContributionResponse.Load(session, contributionId, http.RequestAborted);
    }
}
