namespace OpenValue.Domain.Governance;

/// <summary>What a proposal changes. Wire names: "value-equation", "review-policy", "treasury-policy",
/// "governance-policy", "decision" (a plain decision in words, which changes no rule).</summary>
public enum ProposalKind
{
    ValueEquation,
    ReviewPolicy,
    TreasuryPolicy,
    GovernancePolicy,
    Decision,
}

/// <summary>Enspiral's decision types; <see cref="Tally.Judge"/> holds their rules.</summary>
public enum DecisionType
{
    Standard,
    Significant,
    Quorum,
    Emergency,
}

/// <summary>A member's stated position on a proposal (Loomio's consent positions).</summary>
public enum Position
{
    Agree,
    Abstain,
    Disagree,
    Block,
}

public enum ProposalStatus
{
    Open,
    Passed,
    Failed,
    Withdrawn,
}
