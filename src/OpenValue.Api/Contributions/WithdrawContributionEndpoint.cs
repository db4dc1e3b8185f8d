using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using Wolverine.Http;

namespace OpenValue.Api.Contributions;

/// <summary>The author's withdrawal, decided on the stream version read.</summary>
public static class WithdrawContributionEndpoint
{
    [WolverinePost("/networks/{networkId}/contributions/{contributionId}/withdrawal")]
    [EndpointSummary("Withdraw a contribution")]
    [EndpointDescription("By its author, before a final decision.")]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static Task<ContributionResponse> Withdraw(Guid contributionId, HttpContext http,
        IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var stream = await ContributionStreams.FetchExisting(session, contributionId, http.RequestAborted);
            var command = new WithdrawContribution(contributionId, http.Caller().MemberId);
            stream.AppendMany(Claiming.Decide(command, stream.Aggregate!, now));
        }, () => ContributionResponse.Load(session, contributionId, http.RequestAborted));
}
