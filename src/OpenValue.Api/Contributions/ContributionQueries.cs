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

/// <summary>
/// A page of a list: items, the 1-based page number, the page size used and how many items match in all.
/// A page past the end is empty, not an error.
/// </summary>
public sealed record ContributionPage(IReadOnlyList<ContributionResponse> Items, int Page, int PageSize,
    long TotalCount);

/// <summary>
/// A page of the review queue, with what a reviewer's screen shows beside it: the approvals a claim needs to be
/// accepted (the review policy) and the name of each author on the page, so one request fills the screen.
/// </summary>
public sealed record ReviewQueuePage(
    IReadOnlyList<ContributionResponse> Items, int Page, int PageSize, long TotalCount, int ApprovalsRequired,
    IReadOnlyList<AuthorName> Authors);

public sealed record AuthorName(Guid MemberId, string Name);

public static class ContributionQueries
{
    [WolverineGet("/networks/{networkId}/contributions/{contributionId}")]
    [EndpointSummary("Get a contribution")]
    [EndpointDescription("With its reviews, status, points and the version a review must name.")]
    public static Task<ContributionResponse> Get(Guid contributionId, IQuerySession session, HttpContext http) =>
        ContributionResponse.Load(session, contributionId, http.RequestAborted);

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
        if (ParseId(memberId, "memberId") is { } member)
            query = query.Where(v => v.MemberId == member);
        if (ParseId(projectId, "projectId") is { } project)
            query = query.Where(v => v.ProjectId == project);
        // What stewards act on: acceptances a member appealed and no steward has revoked yet.
        if (!string.IsNullOrEmpty(revocationRequested))
            query = revocationRequested == "true"
                ? query.Where(v => v.RevocationRequested)
                : throw RuleViolation.Invalid("revocationRequested",
                    "'revocationRequested' is true (leave it out for every contribution).");
        return Paged(session, query.OrderByDescending(v => v.SubmittedSequence), page, pageSize, http.RequestAborted);
    }

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
        var paged = await Paged(session, query, page, pageSize, http.RequestAborted);
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

    private static async Task<ContributionPage> Paged(
        IQuerySession session, IQueryable<ContributionView> query, string? page, string? pageSize,
        CancellationToken cancellation)
    {
        var wanted = PageRequest.Parse(page, pageSize);
        var views = await query.Stats(out var stats).Skip(wanted.Skip).Take(wanted.Size).ToListAsync(cancellation);
        var texts = await ContributionResponse.Opening(session, views, cancellation);
        var items = views.Select(v => ContributionResponse.From(v, texts)).ToList();
        return new ContributionPage(items, wanted.Number, wanted.Size, stats.TotalResults);
    }

    private static Guid? ParseId(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        return Guid.TryParse(text, out var id) ? id : throw RuleViolation.Invalid(field, $"'{field}' must be a UUID.");
    }
}
