using NodaTime;
using OpenValue.Domain.Governance;

namespace OpenValue.Api.Governance;

public sealed record ProposalCreatedResponse(Guid ProposalId);

/// <summary>
/// The counts that decide: eligible voters who still count, how many stated a position, and of what kind.
/// </summary>
public sealed record CountsResponse(int Eligible, int Stated, int NotStated, int Agree, int Abstain, int Disagree,
    int Block)
{
    public static CountsResponse Of(ProposalCounts c) =>
        new(c.Eligible, c.Stated, c.Eligible - c.Stated, c.Agree, c.Abstain, c.Disagree, c.Block);
}

/// <summary><c>Counts</c>: false when the member has departed since the proposal, so their position no longer
/// counts.</summary>
public sealed record PositionResponse(Guid MemberId, Position Position, string? Reason, Instant StatedAt, bool Counts);

/// <summary>How a closed proposal ended.</summary>
public sealed record OutcomeResponse(ProposalStatus Status, bool Early, Instant ClosedAt, string? Reason);

/// <summary>A proposal in a list, with its counts and whether it would pass if it closed now (and why).</summary>
public sealed record ProposalSummary(
    Guid ProposalId, string Title, ProposalKind Kind, DecisionType DecisionType, ProposalStatus Status,
    Instant ClosesAt, Guid ProposedBy, Instant ProposedAt, CountsResponse Counts, bool WouldPass, string Why);

public sealed record ProposalPage(IReadOnlyList<ProposalSummary> Items, int Page, int PageSize, long TotalCount);

/// <summary>
/// One proposal: the change, its positions, the counts, whether it would pass if it closed now and why (for a
/// closed one: the counts, result and reason it closed with), and its outcome.
/// </summary>
public sealed record ProposalResponse(
    Guid ProposalId, string Title, ProposalKind Kind, ChangeRequest Change, DecisionType DecisionType,
    ProposalStatus Status, Instant ClosesAt, Guid ProposedBy, Instant ProposedAt, IReadOnlyList<Guid> EligibleVoters,
    IReadOnlyList<PositionResponse> Positions, CountsResponse Counts, bool WouldPass, string Why,
    OutcomeResponse? Outcome)
{
    public static ProposalResponse Of(Proposal p, IReadOnlySet<Guid> departed)
    {
        var (counts, wouldPass, why) = Standing(p, departed);
        return new(p.Id, p.Title, p.Kind, p.Change, p.DecisionType, p.Status, p.ClosesAt, p.ProposedBy, p.ProposedAt,
            p.EligibleVoters,
            [.. p.Positions.OrderBy(x => x.Value.StatedAt).ThenBy(x => x.Key).Select(x => new PositionResponse(
                x.Key, x.Value.Position, x.Value.Reason, x.Value.StatedAt, !departed.Contains(x.Key)))],
            counts, wouldPass, why,
            p.Outcome is { } o ? new OutcomeResponse(p.Status, o.Early, o.ClosedAt, p.WithdrawalReason) : null);
    }

    public static ProposalSummary Summary(Proposal p, IReadOnlySet<Guid> departed)
    {
        var (counts, wouldPass, why) = Standing(p, departed);
        return new(p.Id, p.Title, p.Kind, p.DecisionType, p.Status, p.ClosesAt, p.ProposedBy, p.ProposedAt, counts,
            wouldPass, why);
    }

    /// <summary>Open: as if it closed now. Closed: as it closed (the outcome event's counts are final).</summary>
    private static (CountsResponse, bool, string) Standing(Proposal p, IReadOnlySet<Guid> departed)
    {
        if (p.Outcome is { } outcome)
            return (CountsResponse.Of(outcome.Counts), p.Status == ProposalStatus.Passed,
                outcome.Why ?? "Withdrawn by its proposer; nothing changed.");
        var counts = Tally.Count(p, departed);
        var judgement = Tally.Judge(p.DecisionType, counts);
        return (CountsResponse.Of(counts), judgement.Passes, judgement.Why);
    }
}

public static class ProposalResponses
{
    public static Domain.RuleViolation NotFound(Guid proposalId) =>
        Domain.RuleViolation.NotFound("proposal-not-found", $"Proposal {proposalId} is not in this network.");
}
