using Marten;
using OpenValue.Api.Infrastructure;
using NodaTime;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Contributions;

/// <param name="ExpectedVersion">The contribution's <c>version</c>: a review judges what was seen.</param>
public sealed record ReviewRequest(string? Verdict, long? ExpectedVersion, string? Reason = null);

public static class ReviewEndpoint
{
    /// <summary>
    /// The quorum and the value equation are read from the network as it is now and handed to the decision. Only the
    /// contribution stream is version-checked: of reviewers racing on the same version exactly one is saved, the others
    /// get 409 and append nothing, so a contribution is accepted at most once. A review names the version the reviewer
    /// read; a claim amended (or reviewed by someone else) since is 409, so nobody approves text they never saw.
    /// </summary>
    [WolverinePost("/networks/{networkId}/contributions/{contributionId}/reviews"), Allow(Role.Reviewer)]
    [EndpointSummary("Review a contribution")]
    [EndpointDescription(
        "Approve, reject (with a reason) or request changes, never on one's own claim. The approval that meets " +
        "the review policy accepts the claim and values it under the equation in force.")]
    public static Task<ContributionResponse> Review(
        Guid networkId, Guid contributionId, ReviewRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, now => Decide(networkId, contributionId, body, http, session, now),
            () => ContributionResponse.Load(session, contributionId, http.RequestAborted));

    private static async Task Decide(
        Guid networkId, Guid contributionId, ReviewRequest body, HttpContext http, IDocumentSession session,
        Instant now)
    {
        var network = await NetworkLookup.NetworkOf(session, networkId, http.RequestAborted);
        var stream = await ContributionStreams.FetchExisting(session, contributionId, http.RequestAborted);
        if (body.ExpectedVersion is not { } seen)
            throw RuleViolation.Invalid("expectedVersion",
                "'expectedVersion' is required: the contribution's version as you read it (its 'version' field).");
        if (seen != stream.CurrentVersion)
            throw RuleViolation.Conflict("contribution-changed",
                $"The contribution changed since you read it (version {seen}, now {stream.CurrentVersion}); "
                + "read it again and review what it says now.");
        // A claim still open when its author left is not decided any more: its points would bypass the leaver terms.
        if ((await session.LoadAsync<Networks.Members.MemberView>(stream.Aggregate!.MemberId, http.RequestAborted))
            ?.DepartedOn is not null)
            throw RuleViolation.Conflict("author-departed", "The author of this claim has left the network.");
        var command = new ReviewContribution(contributionId, http.Caller().MemberId, body.Verdict, body.Reason);
        var currency = Currency.Parse(network.Currency, "currency");
        var events = Reviewing.Decide(command, stream.Aggregate!, network.ApprovalsRequired, network.Equation, currency,
            now);
        stream.AppendMany(await new Privacy.PersonalFields(session, http.RequestAborted).Seal(events));
    }
}
