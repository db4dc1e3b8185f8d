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

/// <summary>What the contribution lists share: paging and the id filters.</summary>
public static class ContributionPages
{
    /// <summary>One page of a contribution query, with the texts its items show opened.</summary>
    public static async Task<ContributionPage> Of(
        IQuerySession session, IQueryable<ContributionView> query, string? page, string? pageSize,
        CancellationToken cancellation)
    {
        var wanted = PageRequest.Parse(page, pageSize);
        var views = await query.Stats(out var stats).Skip(wanted.Skip).Take(wanted.Size).ToListAsync(cancellation);
        var texts = await ContributionResponse.Opening(session, views, cancellation);
        var items = views.Select(v => ContributionResponse.From(v, texts)).ToList();
        return new ContributionPage(items, wanted.Number, wanted.Size, stats.TotalResults);
    }

    /// <summary>An optional id filter; 400 naming the field when it is not a UUID.</summary>
    public static Guid? ParseId(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        return Guid.TryParse(text, out var id) ? id : throw RuleViolation.Invalid(field, $"'{field}' must be a UUID.");
    }
}
