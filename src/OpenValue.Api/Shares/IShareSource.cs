using NodaTime;

namespace OpenValue.Api.Shares;

/// <summary>One member's line in a share snapshot. Points and shares are exact decimals.</summary>
public sealed record MemberShare(Guid MemberId, string Name, decimal Points, IReadOnlyDictionary<string, decimal> PointsByKind, decimal Share, decimal Percent);

/// <summary>
/// Every member's share of a scope (the network, or one project) at a moment, under the value equation in
/// force then (its class weights and decay). Shares sum to exactly 1 at <c>Shares.Decimals</c> places.
/// </summary>
public sealed record ShareSnapshot(Instant AsOf, Guid? ProjectId, int? EquationVersion, decimal TotalPoints, IReadOnlyList<MemberShare> Members);

/// <summary>
/// Which members' lines a snapshot carries: all (the default), one member's, or a page in member-id order
/// (<see cref="Domain.Money.MemberIdOrder"/>) after a member id. Totals and shares always count every member,
/// so a line is the same whichever lines are picked. <paramref name="Labelled"/> false leaves out each line's name
/// and points by kind: what a distribution records needs neither, and at 100,000 members they cost a
/// dictionary per member and a read of every member's name.
/// </summary>
public sealed record ShareLines(Guid? MemberId = null, Guid? After = null, int? Limit = null, bool Labelled = true)
{
    public static readonly ShareLines All = new();

    /// <summary>Every member's line with points and share only (empty name, no points by kind).</summary>
    public static readonly ShareLines Bare = new(Labelled: false);

    internal IReadOnlyList<MemberPoints> Pick(List<MemberPoints> holders)
    {
        if (MemberId is { } member)
            return [.. holders.Where(h => h.MemberId == member)];
        IEnumerable<MemberPoints> picked = holders;
        if (After is { } after)
            picked = picked.SkipWhile(h => Domain.Money.MemberIdOrder.Instance.Compare(h.MemberId, after) <= 0);
        if (Limit is { } limit)
            picked = picked.Take(limit);
        return MemberId is null && After is null && Limit is null ? holders : [.. picked];
    }
}

/// <summary>
/// Where distributions and the shares endpoints get shares from. Served from projections (the as-of points
/// ledger), never by replaying events per request.
/// </summary>
public interface IShareSource
{
    /// <summary>Lifetime shares: points of contributions accepted (and corrections made) at or before <paramref name="asOf"/>.</summary>
    Task<ShareSnapshot> AsOf(Guid networkId, Guid? projectId, Instant asOf, CancellationToken cancellation) =>
        AsOf(networkId, projectId, asOf, ShareLines.All, cancellation);

    /// <summary>Lifetime shares as <see cref="AsOf(Guid, Guid?, Instant, CancellationToken)"/>, carrying only the picked members' lines.</summary>
    Task<ShareSnapshot> AsOf(Guid networkId, Guid? projectId, Instant asOf, ShareLines lines, CancellationToken cancellation);

    /// <summary>Shares from points accepted in the window (asOf − windowDays, asOf].</summary>
    Task<ShareSnapshot> Recent(Guid networkId, Guid? projectId, Instant asOf, int windowDays, CancellationToken cancellation) =>
        Recent(networkId, projectId, asOf, windowDays, ShareLines.All, cancellation);

    /// <summary>Recent shares as <see cref="Recent(Guid, Guid?, Instant, int, CancellationToken)"/>, carrying the picked lines.</summary>
    Task<ShareSnapshot> Recent(Guid networkId, Guid? projectId, Instant asOf, int windowDays, ShareLines lines, CancellationToken cancellation);
}
