namespace OpenValue.Domain.Governance;

/// <summary>Whether a proposal passes under its decision type, and the rule's reason in words.</summary>
public sealed record Judgement(bool Passes, string Why);

/// <summary>
/// Counting positions and judging them. Pure integer arithmetic: "more than half" is 2·agree &gt; stated and
/// "at least 75 %" is 4·n ≥ 3·total, so no rounding ever decides a vote.
/// </summary>
public static class Tally
{
    /// <summary>
    /// Whose position counts: the eligible voters (members at the moment of the proposal) who have not departed
    /// since, and only their positions.
    /// </summary>
    public static ProposalCounts Count(Proposal proposal, IReadOnlySet<Guid> departed)
    {
        var voters = proposal.EligibleVoters.Where(v => !departed.Contains(v)).ToHashSet();
        var stated = proposal.Positions.Where(p => voters.Contains(p.Key)).Select(p => p.Value.Position).ToList();
        int Of(Position position) => stated.Count(p => p == position);
        return new ProposalCounts(voters.Count, stated.Count, Of(Position.Agree), Of(Position.Abstain),
            Of(Position.Disagree), Of(Position.Block));
    }

    /// <summary>Every voter who counts has stated a position: the proposal closes early.</summary>
    public static bool EveryoneStated(ProposalCounts counts) => counts.Eligible > 0 && counts.Stated == counts.Eligible;

    public static Judgement Judge(DecisionType type, ProposalCounts c) => type switch
    {
        DecisionType.Standard => c.Block == 0
            ? new(true, "Standard: passes with no block (0 blocks).")
            : new(false, $"Standard: fails with any block ({Blocks(c.Block)})."),
        DecisionType.Significant => c.Block > 0
            ? new(false, $"Significant: fails with any block ({Blocks(c.Block)}).")
            : 2 * c.Agree > c.Stated
                ? new(true, $"Significant: no block and more than half of the stated positions agree " +
                            $"({c.Agree} of {c.Stated}).")
                : new(false, $"Significant: needs more than half of the stated positions to agree " +
                             $"({c.Agree} of {c.Stated} is not more than half)."),
        DecisionType.Quorum => c.Block > 0
            ? new(false, $"Quorum: fails with any block ({Blocks(c.Block)}).")
            : c.Eligible > 0 && 4 * (c.Agree + c.Abstain) >= 3 * c.Eligible
                ? new(true, $"Quorum: no block and at least 75 % of all {c.Eligible} eligible voters agree or " +
                            $"abstain ({c.Agree + c.Abstain} of {c.Eligible}).")
                : new(false, $"Quorum: needs at least 75 % of all {c.Eligible} eligible voters to agree or " +
                             $"abstain ({c.Agree + c.Abstain} of {c.Eligible} is less)."),
        _ => c.Stated > 0 && 4 * c.Agree >= 3 * c.Stated
            ? new(true, $"Emergency: at least 75 % of the stated positions agree ({c.Agree} of {c.Stated}); " +
                        "blocks do not stop it.")
            : new(false, $"Emergency: needs at least 75 % of the stated positions to agree " +
                         $"({c.Agree} of {c.Stated} is less)."),
    };

    private static string Blocks(int count) => count == 1 ? "1 block" : $"{count} blocks";
}
