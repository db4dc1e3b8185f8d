using Marten;
using NodaTime;
using OpenValue.Api.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Money;

namespace OpenValue.Api.Budgeting;

/// <summary>One member's budget: what they were given at the opening, what is in buckets, what is left.</summary>
public sealed record BudgetResponse(
    Guid MemberId, string Name, MoneyResponse Budget, MoneyResponse Allocated, MoneyResponse Remaining, string Weight);

public sealed record FunderResponse(Guid MemberId, string Name, MoneyResponse Amount);

/// <summary>
/// A bucket: its goals, what its funders put in (kept after a cancellation, when it is theirs to spend again),
/// and its status.
/// </summary>
public sealed record BucketResponse(
    Guid BucketId, int Line, string Title, string? Description, Guid OwnerId, string OwnerName, BucketStatus Status,
    MoneyResponse MinGoal, MoneyResponse MaxGoal, MoneyResponse Total, IReadOnlyList<FunderResponse> Funders,
    Instant ProposedAt);

public sealed record RoundPayoutResponse(
    Guid PayoutId, int Line, Guid BucketId, Guid MemberId, string Name, MoneyResponse Amount, string Reference);

/// <summary>
/// A round with every member's budget and every bucket. <c>Paid</c> and <c>Returned</c> (to the pool) are set
/// once it is closed, and sum to its amount.
/// </summary>
public sealed record RoundResponse(
    Guid RoundId, string Title, RoundStatus Status, Guid? ProjectId, MoneyResponse Amount, BudgetRule Budget,
    Instant OpensAt, Instant ClosesAt, MoneyResponse? CapPerBucket, bool BucketsNeedApproval, MoneyResponse Allocated,
    IReadOnlyList<BudgetResponse> Members, IReadOnlyList<BucketResponse> Buckets, Guid OpenedBy, Instant OpenedAt,
    Guid? ClosedBy, Instant? ClosedAt, MoneyResponse? Paid, MoneyResponse? Returned,
    IReadOnlyList<RoundPayoutResponse> Payouts);

/// <summary>A member's funding: the bucket as it stands now and the member's own budget.</summary>
public sealed record FundingResponse(BucketResponse Bucket, BudgetResponse Budget);

public static class RoundResponses
{
    public static async Task<Round> Load(IQuerySession session, Guid roundId, CancellationToken cancellation) =>
        await session.LoadAsync<Round>(roundId, cancellation) ?? throw NotFound(roundId);

    public static RuleViolation NotFound(Guid roundId) =>
        RuleViolation.NotFound("round-not-found", $"Round {roundId} is not in this network.");

    public static async Task<RoundResponse> Of(IQuerySession session, Round round, CancellationToken cancellation)
    {
        var names = await Names(session, round, cancellation);
        var o = round.Opening;
        var closing = round.Closing;
        return new RoundResponse(round.Id, o.Title, round.Status, o.ProjectId, Money(o.AmountMinor, round),
            o.Budget, o.OpensAt, o.ClosesAt, o.CapPerBucketMinor is { } cap ? Money(cap, round) : null,
            o.BucketsNeedApproval, Money(o.Budgets.Sum(b => round.AllocatedBy(b.MemberId)), round),
            [.. o.Budgets.Select(b => BudgetOf(round, b, names))], [.. round.Buckets.Select(b => BucketOf(round, b,
                names))],
            o.OpenedBy, o.OpenedAt, closing?.ClosedBy, closing?.ClosedAt,
            closing is null ? null : Money(closing.PaidMinor, round),
            closing is null ? null : Money(closing.ReturnedMinor, round),
            [.. (closing?.Payouts ?? []).Select(p => new RoundPayoutResponse(p.PayoutId, p.Line, p.BucketId, p.MemberId,
                NameOf(names, p.MemberId), Money(p.AmountMinor, round), p.Reference))]);
    }

    public static async Task<FundingResponse> FundingOf(
        IQuerySession session, Round round, Guid bucketId, Guid memberId, CancellationToken cancellation)
    {
        var names = await Names(session, round, cancellation);
        var budget = round.Opening.Budgets.Single(b => b.MemberId == memberId);
        return new FundingResponse(BucketOf(round, round.BucketOf(bucketId)!, names), BudgetOf(round, budget, names));
    }

    public static async Task<BucketResponse> BucketOf(
        IQuerySession session, Round round, Guid bucketId, CancellationToken cancellation) =>
        BucketOf(round, round.BucketOf(bucketId)!, await Names(session, round, cancellation));

    private static BudgetResponse BudgetOf(Round round, MemberBudget b, IReadOnlyDictionary<Guid, MemberLabel> names) =>
        new(b.MemberId, NameOf(names, b.MemberId), Money(b.AmountMinor, round), Money(round.AllocatedBy(b.MemberId),
            round),
            Money(round.RemainingOf(b.MemberId), round), DecimalText.Format(b.Weight));

    private static BucketResponse BucketOf(Round round, Bucket b, IReadOnlyDictionary<Guid, MemberLabel> names) =>
        new(b.Id, b.Line, b.Proposal.Title, b.Proposal.Description, b.Proposal.ProposedBy,
            NameOf(names, b.Proposal.ProposedBy), b.Status, Money(b.Proposal.MinGoalMinor, round),
            Money(b.Proposal.MaxGoalMinor, round), Money(b.TotalMinor, round),
            [.. b.Funders.Select(f => new FunderResponse(f.MemberId, NameOf(names, f.MemberId), Money(f.AmountMinor,
                round)))],
            b.Proposal.ProposedAt);

    /// <summary>Every member's name: a round names every member with a budget, so all labels are read at
    /// once.</summary>
    private static Task<IReadOnlyDictionary<Guid, MemberLabel>> Names(
        IQuerySession session, Round round, CancellationToken cancellation) =>
        MemberLabels.Load(session, null, cancellation, round.Opening.Budgets.Count);

    private static string NameOf(IReadOnlyDictionary<Guid, MemberLabel> names, Guid memberId) =>
        names.GetValueOrDefault(memberId)?.Name ?? "";

    private static MoneyResponse Money(long amountMinor, Round round) => MoneyResponse.Of(amountMinor,
        round.Opening.Currency);
}
