using Marten;
using NodaTime;
using OpenValue.Api.Shares;
using OpenValue.Domain;
using OpenValue.Domain.Money;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Treasury;

/// <summary>Money on the wire: a decimal string with exactly the currency's decimals, and the ISO code.</summary>
public sealed record MoneyResponse(string Amount, string Currency)
{
    public static MoneyResponse Of(long amountMinor, string currency) => Of((Int128)amountMinor, currency);

    /// <summary>A total that may exceed <see cref="long"/>: the ledger's sums over every pool.</summary>
    public static MoneyResponse Of(Int128 amountMinor, string currency) =>
        new(Money.ToDecimalString((System.Numerics.BigInteger)amountMinor, Domain.Money.Currency.Parse(currency,
            "currency")),
            currency);
}

public sealed record LineResponse(int Line, Guid MemberId, string Name, MoneyResponse Amount, string Points,
    string Explanation);

public sealed record ShareUsedResponse(Guid MemberId, string Points, string Share);

/// <summary>
/// One payout; <c>ReissueOf</c> is the reversed payout it pays again, <c>ReissuedAs</c> the payout that paid this
/// one again.
/// </summary>
public sealed record PayoutResponse(
    Guid PayoutId, int Line, Guid MemberId, string Name, MoneyResponse Amount, string Reference, bool Reversed,
    string? ReversalReason, Guid? ReissueOf, Guid? ReissuedAs);

public sealed record PayoutsResponse(Guid DistributionId, IReadOnlyList<PayoutResponse> Payouts);

/// <summary>
/// A distribution with everything needed to check it: the shares it used, each line explained, what became of it, and
/// the network's chain head when it was proposed (see Integrity.ChainAnchors).
/// </summary>
public sealed record DistributionResponse(
    Guid DistributionId, DistributionStatus Status, DistributionPolicy Policy, Guid? ProjectId, int? EquationVersion,
        Instant AsOf,
    int? WindowDays, MoneyResponse Amount, string TotalPoints, IReadOnlyList<LineResponse> Lines,
        IReadOnlyList<ShareUsedResponse> Shares,
    bool SecondApprovalRequired, Guid ProposedBy, Instant ProposedAt, Guid? ApprovedBy, Instant? ApprovedAt,
    Guid? CancelledBy, Instant? CancelledAt, string? CancellationReason, IReadOnlyList<PayoutResponse> Payouts,
    Integrity.ChainHead? ChainHead = null);

public static class TreasuryResponses
{
    /// <summary>
    /// Beyond this many members a response names, every member's label is read (one scan beats a long id list).
    /// </summary>
    private const int NamesByIdUpTo = 1_000;

    /// <summary>
    /// The names of the members a distribution's response shows: only the name of each, by the narrow SQL of
    /// <see cref="MemberLabels"/> (loading every <c>MemberView</c> document took 100,000 of them into memory
    /// for a proposal at 100,000 members).
    /// </summary>
    private static async Task<IReadOnlyDictionary<Guid, MemberLabel>> Names(IQuerySession session, Distribution d,
        CancellationToken cancellation)
    {
        var ids = d.Proposal.Lines.Select(l => l.MemberId).Concat(d.Proposal.Shares.Select(s => s.MemberId))
            .ToHashSet();
        return await MemberLabels.Load(session, ids.Count <= NamesByIdUpTo ? ids : null, cancellation, ids.Count);
    }

    private static string NameOf(IReadOnlyDictionary<Guid, MemberLabel> names, Guid memberId) =>
        names.GetValueOrDefault(memberId)?.Name ?? "";

    public static async Task<DistributionResponse> Of(IQuerySession session, Distribution d,
        CancellationToken cancellation)
    {
        var names = await Names(session, d, cancellation);
        var p = d.Proposal;
        return new DistributionResponse(d.Id, d.Status, p.Policy, p.ProjectId, p.EquationVersion, p.AsOf, p.WindowDays,
            MoneyResponse.Of(p.AmountMinor, p.Currency), DecimalText.Format(p.TotalPoints),
            [.. p.Lines.Select(l => new LineResponse(l.Line, l.MemberId, NameOf(names, l.MemberId),
                MoneyResponse.Of(l.AmountMinor, p.Currency), DecimalText.Format(l.Points), l.Explanation))],
            [.. p.Shares.Select(s => new ShareUsedResponse(s.MemberId, DecimalText.Format(s.Points),
                DecimalText.Format(s.Share)))],
            p.SecondApprovalRequired, p.ProposedBy, p.ProposedAt, d.Approval?.ApprovedBy, d.Approval?.ApprovedAt,
            d.Cancellation?.CancelledBy, d.Cancellation?.CancelledAt, d.Cancellation?.Reason, Payouts(d, names),
            await Integrity.ChainAnchors.Of(session, d.Id, cancellation));
    }

    public static async Task<PayoutsResponse> PayoutsOf(IQuerySession session, Distribution d,
        CancellationToken cancellation) =>
        new(d.Id, Payouts(d, await Names(session, d, cancellation)));

    private static IReadOnlyList<PayoutResponse> Payouts(Distribution d, IReadOnlyDictionary<Guid,
        MemberLabel> names) =>
        [.. d.Payouts.Select(p => new PayoutResponse(p.PayoutId, p.Line, p.MemberId, NameOf(names, p.MemberId),
            MoneyResponse.Of(p.AmountMinor, d.Proposal.Currency), p.Reference, d.IsReversed(p.PayoutId),
            d.Reversals.FirstOrDefault(r => r.PayoutId == p.PayoutId)?.Reason,
            d.Reissues.FirstOrDefault(r => r.PayoutId == p.PayoutId)?.ReissueOf, d.ReissueOf(p.PayoutId)?.PayoutId))];

    public static async Task<Distribution> Load(IQuerySession session, Guid distributionId,
        CancellationToken cancellation) =>
        await session.LoadAsync<Distribution>(distributionId, cancellation) ?? throw NotFound(distributionId);

    public static RuleViolation NotFound(Guid distributionId) =>
        RuleViolation.NotFound("distribution-not-found", $"Distribution {distributionId} is not in this network.");
}
