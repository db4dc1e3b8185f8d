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
/// Where distributions and the shares endpoints get shares from. Served from projections (the as-of points
/// ledger), never by replaying events per request.
/// </summary>
public interface IShareSource
{
    /// <summary>Lifetime shares: points of contributions accepted (and corrections made) at or before <paramref name="asOf"/>.</summary>
    Task<ShareSnapshot> AsOf(Guid networkId, Guid? projectId, Instant asOf, CancellationToken cancellation);

    /// <summary>Shares from points accepted in the window (asOf − windowDays, asOf].</summary>
    Task<ShareSnapshot> Recent(Guid networkId, Guid? projectId, Instant asOf, int windowDays, CancellationToken cancellation);
}
