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

public static class ReviewQueueEndpoint
{
    /// <summary>
    /// What waits for the calling reviewer: others' claims under review they have not yet judged this round, oldest
    /// first.
    /// </summary>
    [WolverineGet("/networks/{networkId}/review-queue"), Allow(Role.Reviewer)]
    [EndpointSummary("The caller's review queue")]
    [EndpointDescription(
        "Others' claims under review that the caller has not judged this round, oldest first, with the approvals " +
        "a claim needs and the names of the page's authors.")]
    public static async Task<ReviewQueuePage> ReviewQueue(
        Guid networkId, string? page, string? pageSize, IQuerySession session, HttpContext http)
    {
        var me = http.Caller().MemberId;
        var query = session.Query<ContributionView>()
            .Where(v => v.Status == ContributionStatus.Submitted && v.MemberId != me
                && !v.ReviewedThisRound.Contains(me))
            .OrderBy(v => v.SubmittedSequence);
        var paged = await ContributionPages.Of(session, query, page, pageSize, http.RequestAborted);
        var network = await NetworkLookup.NetworkOf(session, networkId, http.RequestAborted);
        var ids = paged.Items.Select(i => i.MemberId).Distinct().ToArray();
        var authors = ids.Length == 0
            ? []
            : await session.LoadManyAsync<Networks.Members.MemberView>(http.RequestAborted, ids);
        var names = await Privacy.Unsealed.For(session, authors.Select(a => a.Name), http.RequestAborted);
        return new ReviewQueuePage(paged.Items, paged.Page, paged.PageSize, paged.TotalCount, network.ApprovalsRequired,
            [.. authors.Select(a => new AuthorName(a.Id, names.Name(a.Name))).OrderBy(a => a.Name,
                StringComparer.Ordinal)]);
    }
}
