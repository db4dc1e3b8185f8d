using NodaTime;
using NodaTime.Text;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Treasury;

using Money = OpenValue.Domain.Money.Money;
using Currency = OpenValue.Domain.Money.Currency;

public sealed record ProposeDistribution(MoneyInput? Amount, string? Policy, string? ProjectId, string? AsOf,
    int? WindowDays, Guid ProposedBy);

/// <summary>A proposal that passed validation: what the endpoint needs to fetch the right pool and shares.</summary>
public sealed record DistributionRequest(Money Amount, DistributionPolicy Policy, Guid? ProjectId, Instant AsOf,
    int? WindowDays);

/// <summary>The shares a distribution is computed from, as the share source gave them.</summary>
public sealed record SharesUsed(int? EquationVersion, decimal TotalPoints, IReadOnlyList<ShareUsed> Members);

public static class Proposing
{
    public const int MaxWindowDays = 3650;

    /// <summary>Checks the request alone; shares and the pool are read only for a valid one.</summary>
    public static DistributionRequest Validate(ProposeDistribution command, Network network, Instant now)
    {
        var amount = TreasuryInput.PositiveAmount(command.Amount, network, "amount");
        var policy = DistributionPolicies.Parse(command.Policy, "policy");
        var projectId = TreasuryInput.Project(command.ProjectId, network, "projectId");
        var asOf = string.IsNullOrEmpty(command.AsOf) ? now : Dates.ParseInstant(command.AsOf, "asOf", now);
        if (policy == DistributionPolicy.Recent && command.WindowDays is not (>= 1 and <= MaxWindowDays))
            throw RuleViolation.Invalid("windowDays",
                $"The recent policy needs 'windowDays', a whole number from 1 to {MaxWindowDays}.");
        if (policy != DistributionPolicy.Recent && command.WindowDays is not null)
            throw RuleViolation.Invalid("windowDays", "'windowDays' applies to the recent policy only.");
        return new DistributionRequest(amount, policy, projectId, asOf, command.WindowDays);
    }

    /// <summary>
    /// Reserves the amount in the pool and proposes the lines. The amount may not exceed the pool's
    /// undistributed income, which already counts every proposed and approved distribution not cancelled.
    /// <paramref name="paidBefore"/> is each member's money from earlier distributions of this pool (see
    /// <see cref="Distribution.Committed"/>); only balanced uses it.
    /// </summary>
    public static (DistributionReserved Reservation, DistributionProposed Proposal) Decide(
        DistributionRequest request, Guid distributionId, Pool pool, Network network, SharesUsed shares,
        IReadOnlyDictionary<Guid, long> paidBefore, Guid proposedBy, Instant now)
    {
        var amount = request.Amount;
        if (amount.AmountMinor > pool.AvailableMinor)
            throw RuleViolation.Conflict("insufficient-funds",
                $"{amount} is more than the {new Money(pool.AvailableMinor, amount.Currency)} undistributed in this pool " +
                "(income less distributions proposed, approved or paid).");
        var used = paidBefore.Where(p => p.Value != 0).ToDictionary();
        var lines = Lines(request.Policy, amount, shares.Members, used, request.AsOf, request.WindowDays);
        var proposal = new DistributionProposed(distributionId, network.Id, request.ProjectId, pool.Id,
            amount.AmountMinor, amount.Currency.Code,
            request.Policy, request.AsOf, request.WindowDays, shares.EquationVersion, shares.TotalPoints,
                shares.Members, used, lines,
            network.SecondApprovalRequired, proposedBy, now);
        var reservation = new DistributionReserved(pool.Id, network.Id, request.ProjectId, distributionId,
            amount.AmountMinor, amount.Currency.Code, proposedBy, now);
        return (reservation, proposal);
    }

    /// <summary>
    /// The lines again from what the proposal recorded: equal to its lines, to the minor unit, at any later time.
    /// </summary>
    public static IReadOnlyList<ProposedLine> Recompute(DistributionProposed p) =>
        Lines(p.Policy, new Money(p.AmountMinor, Currency.Parse(p.Currency, "currency")), p.Shares, p.PaidBefore,
            p.AsOf, p.WindowDays);

    /// <summary>
    /// The policy applied to the shares; lines numbered from 1 in member-id order. Conflict "no-eligible-member" if
    /// nobody holds a share.
    /// </summary>
    public static IReadOnlyList<ProposedLine> Lines(
        DistributionPolicy policy, Money amount, IReadOnlyList<ShareUsed> shares, IReadOnlyDictionary<Guid,
            long> paidBefore, Instant asOf, int? windowDays)
    {
        var shareLines = shares.Select(s => new ShareLine(s.MemberId, s.Points, s.Share, Math.Round(s.Share * 100, 2,
            MidpointRounding.ToEven))).ToList();
        var lines = policy switch
        {
            DistributionPolicy.ProRata => Distributions.ProRata(amount, shareLines),
            DistributionPolicy.Balanced => Distributions.Balanced(amount, shareLines, paidBefore),
            _ => Distributions.Recent(amount, shareLines, asOf,
                windowDays ?? throw new ArgumentNullException(nameof(windowDays))),
        };
        var points = shares.ToDictionary(s => s.MemberId, s => s.Points);
        var result = lines.Select((l, i) => new ProposedLine(i + 1, l.MemberId, l.AmountMinor, points[l.MemberId],
            l.Explanation)).ToList();
        // The split rule guarantees it; a ledger asserts it anyway.
        if (result.Sum(l => l.AmountMinor) != amount.AmountMinor || result.Any(l => l.AmountMinor < 0))
            throw new InvalidOperationException("Distribution lines must be non-negative and sum exactly to the amount.");
        return result;
    }
}
