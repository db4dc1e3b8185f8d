using Marten;
using Marten.Linq;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Contributions;

public static class ListContributionsEndpoint
{
    /// <summary>Newest submissions first; every filter is optional.</summary>
    [WolverineGet("/networks/{networkId}/contributions")]
    [EndpointSummary("List contributions")]
    [EndpointDescription("Newest submissions first, a page at a time; every filter is optional. " +
        "revocationRequested=true lists the acceptances members appealed that no steward has revoked yet.")]
    public static Task<ContributionPage> List(
        string? status, string? memberId, string? projectId, string? page, string? pageSize, IQuerySession session,
        HttpContext http, string? revocationRequested = null)
    {
        IQueryable<ContributionView> query = session.Query<ContributionView>();
        if (!string.IsNullOrEmpty(status))
        {
            var wanted = Statuses.Parse<ContributionStatus>(status, "status");
            query = query.Where(v => v.Status == wanted);
        }
        if (ContributionPages.ParseId(memberId, "memberId") is { } member)
            query = query.Where(v => v.MemberId == member);
        if (ContributionPages.ParseId(projectId, "projectId") is { } project)
            query = query.Where(v => v.ProjectId == project);
        // What stewards act on: acceptances a member appealed and no steward has revoked yet.
        if (!string.IsNullOrEmpty(revocationRequested))
            query = revocationRequested == "true"
                ? query.Where(v => v.RevocationRequested)
                : throw RuleViolation.Invalid("revocationRequested",
                    "'revocationRequested' is true (leave it out for every contribution).");
        return ContributionPages.Of(session, query.OrderByDescending(v => v.SubmittedSequence), page, pageSize,
            http.RequestAborted);
    }
}
