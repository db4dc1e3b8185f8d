using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

/// <summary>
/// One payout to one member, as their list of payouts shows it: a distribution's (issued with it, or a reissue of a
/// reversed one) or a co-budgeting round's (a funded bucket, paid to its owner). Tenanted by network, id = payout
/// id, indexed by member; written inline with the distribution's or the round's stream, so reading one member's
/// payouts never loads a distribution. <see cref="Sequence"/> is the issuing event's: newest first by it.
/// </summary>
public sealed class MemberPayout
{
    public Guid Id { get; set; }
    public Guid MemberId { get; set; }
    public Guid? DistributionId { get; set; }
    public Guid? RoundId { get; set; }
    public Guid? BucketId { get; set; }
    public int Line { get; set; }
    public long AmountMinor { get; set; }
    public string Reference { get; set; } = "";
    public Instant IssuedAt { get; set; }
    public long Sequence { get; set; }
    public Guid? ReissueOf { get; set; }
    public Instant? ReversedAt { get; set; }
    public string? ReversalReason { get; set; }
    public Guid? ReissuedAs { get; set; }
}

public sealed class MemberPayoutProjection : MultiStreamProjection<MemberPayout, Guid>
{
    public MemberPayoutProjection()
    {
        Identities<PayoutsIssued>(e => [.. PayoutsOf(e)]);
        Identities<PayoutReversed>(e => [.. PayoutsOf(e)]);
        Identities<PayoutReissued>(e => [.. PayoutsOf(e)]);
        Identities<RoundClosed>(e => [.. PayoutsOf(e)]);
    }

    public override MemberPayout? Evolve(MemberPayout? snapshot, Guid id, IEvent e) => Step(snapshot, id, e);

    public static readonly Type[] EventTypes =
        [typeof(PayoutsIssued), typeof(PayoutReversed), typeof(PayoutReissued), typeof(RoundClosed)];

    /// <summary>The payouts an event is about (as the identities above say).</summary>
    public static IEnumerable<Guid> PayoutsOf(object data) => data switch
    {
        PayoutsIssued issued => issued.Payouts.Select(p => p.PayoutId),
        RoundClosed closed => closed.Payouts.Select(p => p.PayoutId),
        PayoutReissued reissued => [reissued.PayoutId, reissued.ReissueOf],
        PayoutReversed reversed => [reversed.PayoutId],
        _ => [],
    };

    /// <summary>
    /// One event folded into documents kept in memory, as the projection stores them: verify and the upgrade.
    /// </summary>
    public static void Fold(Dictionary<Guid, MemberPayout> payouts, IEvent e)
    {
        foreach (var id in PayoutsOf(e.Data))
            if (Step(payouts.GetValueOrDefault(id), id, e) is { } next)
                payouts[id] = next;
    }

    // One event of a paid distribution or a closed round holds every payout of it, and each payout's document
    // finds its own in it: by id, once per event, so 100,000 payouts are not 100,000 scans of 100,000.
    private static readonly ConditionalWeakTable<object, IReadOnlyDictionary<Guid, int>> Positions = new();

    /// <summary>The payout's document after one event: also what verify recomputes the documents with.</summary>
    public static MemberPayout? Step(MemberPayout? payout, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case PayoutsIssued issued when Find(issued.Payouts, p => p.PayoutId, id, issued) is { } p:
                return new MemberPayout
                {
                    Id = id, MemberId = p.MemberId, DistributionId = issued.DistributionId, Line = p.Line,
                    AmountMinor = p.AmountMinor, Reference = p.Reference, IssuedAt = issued.IssuedAt,
                    Sequence = e.Sequence,
                };
            case RoundClosed closed when Find(closed.Payouts, p => p.PayoutId, id, closed) is { } p:
                return new MemberPayout
                {
                    Id = id, MemberId = p.MemberId, RoundId = closed.RoundId, BucketId = p.BucketId, Line = p.Line,
                    AmountMinor = p.AmountMinor, Reference = p.Reference, IssuedAt = closed.ClosedAt,
                    Sequence = e.Sequence,
                };
            case PayoutReissued r when r.PayoutId == id:
                return new MemberPayout
                {
                    Id = id, MemberId = r.MemberId, DistributionId = r.DistributionId, Line = r.Line,
                    AmountMinor = r.AmountMinor, Reference = r.Reference, IssuedAt = r.IssuedAt, Sequence = e.Sequence,
                    ReissueOf = r.ReissueOf,
                };
            case PayoutReissued r when payout is not null:
                payout.ReissuedAs = r.PayoutId;
                return payout;
            case PayoutReversed r when payout is not null:
                (payout.ReversedAt, payout.ReversalReason) = (r.ReversedAt, r.Reason);
                return payout;
            default:
                return payout;
        }
    }

    private static T? Find<T>(IReadOnlyList<T> items, Func<T, Guid> idOf, Guid id, object of) where T : class
    {
        var at = Positions.GetValue(of, _ => items.Select((p, i) => (idOf(p), i)).ToDictionary(x => x.Item1,
            x => x.i));
        return at.TryGetValue(id, out var i) ? items[i] : null;
    }
}

/// <summary>Wire names: issued (it stands), reversed, reissued (reversed, then paid again as another payout).</summary>
public enum PayoutStatus
{
    Issued,
    Reversed,
    Reissued,
}

/// <summary>Wire names: distribution, round (a co-budgeting round's funded bucket).</summary>
public enum PayoutSource
{
    Distribution,
    Round,
}

/// <summary>
/// One payout to the member. A distribution's carries its id and policy; a round's its round and bucket (rounds
/// have no policy, and their payouts are not reversed). <c>ReissueOf</c> is the reversed payout this one pays again,
/// <c>ReissuedAs</c> the payout that paid this one again.
/// </summary>
public sealed record MemberPayoutResponse(
    Guid PayoutId, PayoutSource Source, Guid? DistributionId, DistributionPolicy? Policy, Guid? RoundId,
    Guid? BucketId, int Line, string Reference, MoneyResponse Amount, PayoutStatus Status, Instant IssuedAt,
    Instant? ReversedAt, string? ReversalReason, Guid? ReissueOf, Guid? ReissuedAs);

/// <summary>A page of a member's payouts; <c>Paid</c> is what stands (not reversed) over all of them.</summary>
public sealed record MemberPayoutPage(
    Guid MemberId, MoneyResponse Paid, IReadOnlyList<MemberPayoutResponse> Items, int Page, int PageSize,
    long TotalCount);

public static class MemberPayouts
{
    private sealed record PolicyRow(Guid Id, DistributionPolicy Policy);

    /// <summary>
    /// Reads the member's payout documents only, a page of them, and the policy of the distributions on that page
    /// (two fields each): the cost follows the page, not the network's distributions.
    /// </summary>
    [WolverineGet("/networks/{networkId}/members/{memberId}/payouts")]
    [EndpointSummary("List a member's payouts")]
    [EndpointDescription(
        "Every payout to the member, newest first, a page at a time: each distribution's (status issued, reversed, " +
        "or reissued: reversed and paid again as another payout, listed too) and each co-budgeting round's (a " +
        "funded bucket). 'paid' is what stands over all pages, the member's paid-to-date in the ledger. The member " +
        "themself and treasurers only (403 self-or-treasurer); 404 member-not-found.")]
    [ProducesResponseType<MemberPayoutPage>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static async Task<MemberPayoutPage> List(
        Guid networkId, Guid memberId, string? page, string? pageSize, IQuerySession session, HttpContext http)
    {
        var caller = http.Caller();
        if (caller.MemberId != memberId && !caller.Holds(Role.Treasurer))
            throw RuleViolation.Forbidden("self-or-treasurer",
                "Only the member themself and treasurers read a member's payouts.");
        var wanted = PageRequest.Parse(page, pageSize);
        var cancellation = http.RequestAborted;
        if (await session.LoadAsync<MemberView>(memberId, cancellation) is null)
            throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");
        var currency = (await session.LoadAsync<NetworkView>(networkId, cancellation))!.Currency;
        var payouts = await Theirs(session, memberId).OrderByDescending(p => p.Sequence).ThenBy(p => p.Line)
            .Stats(out var stats).Skip(wanted.Skip).Take(wanted.Size).ToListAsync(cancellation);
        // The count comes with the page's rows; a page past the end has none to bring it.
        var total = payouts.Count == 0 && wanted.Number > 1 ? await Theirs(session, memberId).CountAsync(cancellation)
            : stats.TotalResults;
        var paid = await Theirs(session, memberId).Where(p => p.ReversedAt == null)
            .SumAsync(p => p.AmountMinor, cancellation);
        var ids = payouts.Select(p => p.DistributionId).OfType<Guid>().Distinct().ToArray();
        var policies = ids.Length == 0 ? new Dictionary<Guid, DistributionPolicy>()
            : (await session.Query<Distribution>().Where(d => d.Id.IsOneOf(ids))
                .Select(d => new PolicyRow(d.Id, d.Proposal.Policy)).ToListAsync(cancellation))
            .ToDictionary(r => r.Id, r => r.Policy);
        return new MemberPayoutPage(memberId, MoneyResponse.Of(paid, currency),
            [.. payouts.Select(p => Response(p, currency, policies))], wanted.Number, wanted.Size, total);
    }

    private static IQueryable<MemberPayout> Theirs(IQuerySession session, Guid memberId) =>
        session.Query<MemberPayout>().Where(p => p.MemberId == memberId);

    private static MemberPayoutResponse Response(
        MemberPayout p, string currency, IReadOnlyDictionary<Guid, DistributionPolicy> policies) =>
        new(p.Id, p.RoundId is null ? PayoutSource.Distribution : PayoutSource.Round, p.DistributionId,
            p.DistributionId is { } d ? policies[d] : null, p.RoundId, p.BucketId, p.Line, p.Reference,
            MoneyResponse.Of(p.AmountMinor, currency),
            p.ReversedAt is null ? PayoutStatus.Issued
            : p.ReissuedAs is null ? PayoutStatus.Reversed
            : PayoutStatus.Reissued,
            p.IssuedAt, p.ReversedAt, p.ReversalReason, p.ReissueOf, p.ReissuedAs);
}
