using NodaTime;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Treasury;

using Money = OpenValue.Domain.Money.Money;

public sealed record ApproveDistribution(Guid DistributionId, Guid ApprovedBy);

public sealed record CancelDistribution(Guid DistributionId, string? Reason, Guid CancelledBy);

public sealed record IssuePayouts(Guid DistributionId, Guid IssuedBy);

public sealed record ReversePayout(Guid PayoutId, string? Reason, Guid ReversedBy);

public sealed record ReissuePayout(Guid PayoutId, Guid IssuedBy);

/// <summary>
/// What happens to a distribution after it is proposed: approval, cancellation, payment, reversal, reissue.
/// </summary>
public static class Settling
{
    public const int MaxReasonLength = 2000;

    /// <summary>
    /// Four eyes: the second approval must come from a treasurer other than the proposer, whom the proposer did
    /// not vouch for around the proposal (<see cref="FourEyesCheck"/>): <paramref name="approverVouchings"/> are
    /// the approver's, <paramref name="coolingOff"/> the treasury policy's.
    /// </summary>
    public static object[] Decide(
        ApproveDistribution command, Distribution distribution, IEnumerable<Vouching> approverVouchings,
            Duration coolingOff,
        Instant now)
    {
        if (distribution.Status != DistributionStatus.Proposed)
            throw RuleViolation.Conflict(distribution.Status == DistributionStatus.Approved ? "already-approved" : "not-proposed",
                $"A {Statuses.Name(distribution.Status)} distribution cannot be approved.");
        if (distribution.Proposal.ProposedBy == command.ApprovedBy)
            throw RuleViolation.Forbidden("self-approval",
                "The treasurer who proposed a distribution cannot approve it; another treasurer must.");
        var proposal = distribution.Proposal;
        if (FourEyesCheck.Conflict(approverVouchings, proposal.ProposedBy, proposal.ProposedAt, coolingOff) is { } act)
        {
            var when = act.At > proposal.ProposedAt
                ? "after the proposal"
                : $"within the {coolingOff.TotalHours:0}-hour cooling-off period before it";
            throw RuleViolation.Forbidden("approver-not-independent",
                $"The treasurer who proposed this distribution {FourEyesCheck.Describe(act.Kind)} at {act.At}, {when}, " +
                "so your approval would not be a second person's. Another treasurer must approve.");
        }
        return [new DistributionApproved(distribution.Id, command.ApprovedBy, now)];
    }

    /// <summary>
    /// Before payout only; the reservation goes back to the pool. Cancelling a cancelled distribution
    /// changes nothing, so a retried request is harmless.
    /// </summary>
    public static (object[] DistributionEvents, object[] PoolEvents) Decide(CancelDistribution command,
        Distribution distribution, Instant now)
    {
        var reason = Text.Optional(command.Reason, "reason", MaxReasonLength, multiline: true);
        if (distribution.Status == DistributionStatus.Cancelled)
            return ([], []);
        if (distribution.Status == DistributionStatus.Paid)
            throw RuleViolation.Conflict("already-paid",
                "A paid distribution cannot be cancelled; reverse its payouts instead.");
        var p = distribution.Proposal;
        return ([new DistributionCancelled(distribution.Id, reason, command.CancelledBy, now)],
            [new DistributionReleased(p.PoolId, p.NetworkId, p.ProjectId, p.DistributionId, p.AmountMinor, p.Currency,
                command.CancelledBy, now)]);
    }

    /// <summary>
    /// The one transition approved → paid: a payout for every line above zero, each with a derived id and
    /// reference. On a paid distribution it appends nothing (the caller answers with the payouts it has).
    /// </summary>
    public static object[] Decide(IssuePayouts command, Distribution distribution, Instant now) =>
        distribution.Status switch
    {
        DistributionStatus.Paid => [],
        DistributionStatus.Proposed => throw RuleViolation.Conflict("not-approved",
            "This distribution is waiting for a second treasurer's approval; payouts follow approval."),
        DistributionStatus.Cancelled => throw RuleViolation.Conflict("cancelled",
            "A cancelled distribution pays nothing."),
        _ => [new PayoutsIssued(distribution.Id, [.. distribution.Proposal.Lines.Where(l => l.AmountMinor > 0)
            .Select(l => new Payout(DerivedIds.Payout(distribution.Id, l.Line), l.Line, l.MemberId, l.AmountMinor,
                Reference(distribution.Id, l.Line)))],
            command.IssuedBy, now)],
    };

    /// <summary>
    /// A compensating pair: the payout is marked reversed and its money returns to the pool it came from.
    /// </summary>
    public static (PayoutReversed Reversal, PayoutReturned Return) Decide(ReversePayout command,
        Distribution distribution, Instant now)
    {
        var reason = Text.Required(command.Reason, "reason", MaxReasonLength, multiline: true);
        var payout = PayoutOf(distribution, command.PayoutId);
        if (distribution.IsReversed(payout.PayoutId))
            throw RuleViolation.Conflict("already-reversed", $"Payout {payout.Reference} was already reversed.");
        var p = distribution.Proposal;
        return (new PayoutReversed(distribution.Id, payout.PayoutId, payout.MemberId, payout.AmountMinor, reason,
            command.ReversedBy, now),
            new PayoutReturned(p.PoolId, p.NetworkId, p.ProjectId, distribution.Id, payout.PayoutId, payout.AmountMinor,
                p.Currency, reason, command.ReversedBy, now));
    }

    /// <summary>
    /// A reversed payout paid again on its own, once: a new payout of the same member, line and amount, with
    /// an id derived from the one it replaces and a reference of its own, and its money taken from the pool
    /// again (refused when the pool no longer has it). A reissued payout can be reversed and reissued in turn.
    /// </summary>
    public static (PayoutReissued Reissue, PayoutRedrawn Drawn) Decide(
        ReissuePayout command, Distribution distribution, Pool pool, Instant now)
    {
        var payout = PayoutOf(distribution, command.PayoutId);
        if (!distribution.IsReversed(payout.PayoutId))
            throw RuleViolation.Conflict("not-reversed",
                $"Payout {payout.Reference} stands; only a reversed payout can be reissued.");
        if (distribution.ReissueOf(payout.PayoutId) is { } earlier)
            throw RuleViolation.Conflict("already-reissued",
                $"Payout {payout.Reference} was already reissued as {earlier.Reference}.");
        var p = distribution.Proposal;
        if (pool.Id != p.PoolId)
            throw new InvalidOperationException($"Distribution {distribution.Id} draws on pool {p.PoolId}, not {pool.Id}.");
        if (payout.AmountMinor > pool.AvailableMinor)
            throw RuleViolation.Conflict("insufficient-funds",
                $"Reissuing {payout.Reference} needs {Amount(payout.AmountMinor, p.Currency)}; its pool has " +
                $"{Amount(pool.AvailableMinor, p.Currency)} undistributed " +
                "(income less distributions proposed, approved or paid).");
        var id = DerivedIds.Reissue(payout.PayoutId);
        var reference = $"{Reference(distribution.Id, payout.Line)}-R{Generation(distribution, payout.PayoutId) + 1}";
        return (new PayoutReissued(distribution.Id, id, payout.PayoutId, payout.Line, payout.MemberId,
            payout.AmountMinor,
                reference, command.IssuedBy, now),
            new PayoutRedrawn(p.PoolId, p.NetworkId, p.ProjectId, distribution.Id, id, payout.PayoutId,
                payout.AmountMinor,
                p.Currency, command.IssuedBy, now));
    }

    private static Payout PayoutOf(Distribution distribution, Guid payoutId) =>
        distribution.Payouts.FirstOrDefault(p => p.PayoutId == payoutId)
        ?? throw RuleViolation.NotFound("payout-not-found", $"Payout {payoutId} is not in this network.");

    /// <summary>0 for a payout issued with its distribution, 1 for its reissue, 2 for the reissue of that, …</summary>
    private static int Generation(Distribution distribution, Guid payoutId) =>
        distribution.Reissues.FirstOrDefault(r => r.PayoutId == payoutId) is { } reissue
            ? Generation(distribution, reissue.ReissueOf) + 1
            : 0;

    private static Money Amount(long amountMinor, string currency) =>
        new(amountMinor, Domain.Money.Currency.Parse(currency, "currency"));

    /// <summary>
    /// "OV-" + the last 8 hex digits of the distribution id (its random part for server-made version-7 ids)
    /// + "-" + the line number: short enough for a bank transfer's remittance field. The payout id is the key.
    /// </summary>
    public static string Reference(Guid distributionId, int line) =>
        $"OV-{distributionId.ToString("N")[^8..].ToUpperInvariant()}-{line:D3}";
}
