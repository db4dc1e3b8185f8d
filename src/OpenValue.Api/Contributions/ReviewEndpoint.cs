using Marten;
using NodaTime;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Contributions;

public sealed record ReviewRequest(string? Verdict, string? Reason);

public static class ReviewEndpoint
{
    /// <summary>
    /// The quorum and the value equation are read from the network as it is now and handed to the decision. Only the contribution
    /// stream is version-checked: of reviewers racing on the same version exactly one is saved, the others
    /// get 409 and append nothing, so a contribution is accepted at most once.
    /// </summary>
    [WolverinePost("/networks/{networkId}/contributions/{contributionId}/reviews"), Allow(Role.Reviewer)]
    public static async Task<ContributionResponse> Review(
        Guid networkId, Guid contributionId, ReviewRequest body, HttpContext http, IDocumentSession session, IClock clock)
    {
        var network = await ClaimEndpoints.NetworkOf(session, networkId, http.RequestAborted);
        var stream = await ClaimEndpoints.FetchExisting(session, contributionId, http.RequestAborted);
        var command = new ReviewContribution(contributionId, http.Caller().MemberId, body.Verdict, body.Reason);
        var currency = Currency.Parse(network.Currency, "currency");
        stream.AppendMany(Reviewing.Decide(command, stream.Aggregate!, network.ApprovalsRequired, network.Equation, currency, clock.GetCurrentInstant()));
        await session.SaveChangesAsync(http.RequestAborted);
        return await ContributionResponse.Load(session, contributionId, http.RequestAborted);
    }
}
